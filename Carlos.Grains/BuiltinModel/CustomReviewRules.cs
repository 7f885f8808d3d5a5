using System.Globalization;
using System.Text.RegularExpressions;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Carlos.Contracts.Workspace;
using Carlos.Grains.Agents;
using Carlos.Grains.Catalog;
using Carlos.Grains.Model;

namespace Carlos.Grains.BuiltinModel;

/// <summary>
/// The built-in answer of a custom agent. It reads the agent's focus and instructions sentence by sentence and checks
/// the design against every rule it recognises there: a second region, private endpoints, customer-managed keys, a
/// WAF, a monthly budget, an SLA, and services the brief forbids. How firmly a sentence is worded sets the severity:
/// "must", "never" or "mandatory" make a critical finding, which fails validation. A brief it recognises nothing in
/// gets no findings, and the summary says what it can check.
/// </summary>
internal sealed partial class CustomReviewRules(ServiceCatalog catalog)
{
    public CustomReviewDraft Review(DesignPlan plan, AgentContext context)
    {
        var agent = context.CustomAgent ?? throw new InvalidOperationException("A custom review needs its agent.");
        var findings = new List<CustomFinding>();
        var recognised = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var sentence in Sentence().Split($"{agent.Focus}.\n{agent.Instructions}")
                     .Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0))
        {
            Check(sentence, plan, context, findings, recognised);
        }

        var summary = recognised.Count == 0
            ? "The built-in model recognised no rule in this brief; it checks regions, private endpoints, " +
              "customer-managed keys, a WAF, a monthly budget, an SLA and forbidden services."
            : $"Checked {string.Join(", ", recognised)}: {findings.Count} finding{(findings.Count == 1 ? "" : "s")}.";
        return new CustomReviewDraft(findings, summary);
    }

    /// <summary>The validation issues a design's custom reviews raise, weighed like the security review's findings.</summary>
    public static IEnumerable<ValidationIssue> Issues(AgentContext context)
    {
        foreach (var report in context.CustomReviews)
        {
            foreach (var f in report.Findings.Where(f => f.Severity >= FindingSeverity.High))
            {
                var severity = f.Severity == FindingSeverity.Critical || context.Settings.Strictness == Strictness.Strict
                    ? ValidationSeverity.Error
                    : ValidationSeverity.Warning;
                yield return new ValidationIssue(f.Area, severity, $"{report.Name}: {f.Title}", f.Recommendation);
            }
        }
    }

    private void Check(string sentence, DesignPlan plan, AgentContext context, List<CustomFinding> findings,
        SortedSet<string> recognised)
    {
        var severity = SeverityOf(sentence);
        void Add(string rule, bool violated, ValidationIssueType area, string title, string description,
            string recommendation)
        {
            recognised.Add(rule);
            if (!violated)
            {
                return;
            }

            // Several sentences may name the same rule; the most firmly worded one sets the severity.
            var known = findings.FindIndex(f => f.Title == title);
            if (known < 0)
            {
                findings.Add(new CustomFinding(severity, area, title, description, recommendation));
            }
            else if (findings[known].Severity < severity)
            {
                findings[known] = findings[known] with { Severity = severity };
            }
        }

        if (MultiRegion().IsMatch(sentence))
        {
            Add("regions", plan.Regions < 2, ValidationIssueType.Reliability, "The design runs in one region",
                "The brief asks for more than one region; every component is in the primary region only.",
                "Add a secondary region with the same components and fail over through Front Door.");
        }

        if (PrivateAccess().IsMatch(sentence))
        {
            Add("private endpoints", !plan.PrivateEndpoints, ValidationIssueType.Security,
                "Services are reachable over public endpoints",
                "The brief asks for private access; the design has no private endpoints.",
                "Put every PaaS service behind a private endpoint and turn public network access off.");
        }

        if (CustomerKeys().IsMatch(sentence))
        {
            Add("customer-managed keys", !plan.CustomerManagedKeys, ValidationIssueType.Security,
                "Data is encrypted with platform-managed keys",
                "The brief asks for customer-managed keys; the design uses the platform's keys.",
                "Encrypt every data store with customer-managed keys held in Key Vault.");
        }

        if (Waf().IsMatch(sentence))
        {
            Add("a WAF", !plan.Has("front_door") && !plan.Has("application_gateway"), ValidationIssueType.Security,
                "No web application firewall in front of the application",
                "The brief asks for a WAF; no Front Door or Application Gateway fronts the compute.",
                "Put Front Door (or Application Gateway) with a WAF policy in front of public compute.");
        }

        if (Budget().Match(sentence) is { Success: true } budget && context.Cost is { } cost
            && decimal.TryParse(budget.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal),
                NumberStyles.Number, CultureInfo.InvariantCulture, out var limit))
        {
            Add("the monthly budget", cost.TotalMonthlyCostUsd > limit, ValidationIssueType.Cost,
                Invariant($"Estimated cost is above the brief's {limit:0.##} USD a month"),
                Invariant($"The cost review estimates {cost.TotalMonthlyCostUsd:0.00} USD a month."),
                "Lower the tiers or drop optional services until the estimate is within the brief's budget.");
        }

        if (Sla().Match(sentence) is { Success: true } sla && context.Reliability is { } reliability
            && double.TryParse(sla.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var target))
        {
            Add("the SLA", reliability.EstimatedSlaPercentage < target, ValidationIssueType.Reliability,
                Invariant($"Composite SLA is below the brief's {target:0.###}%"),
                Invariant($"The reliability review estimates {reliability.EstimatedSlaPercentage:0.###}%."),
                "Use zone-redundant tiers, or add a second region.");
        }

        if (Forbids().IsMatch(sentence))
        {
            foreach (var service in catalog.Match(sentence))
            {
                Add("forbidden services", plan.Has(service.Id), ValidationIssueType.Completeness,
                    $"The design uses {service.Name}, which the brief rules out",
                    $"The brief says not to use {service.Name}; the design includes it.",
                    $"Replace {service.Name} with a service the brief allows.");
            }
        }
    }

    private static FindingSeverity SeverityOf(string sentence) =>
        Critical().IsMatch(sentence) ? FindingSeverity.Critical
        : High().IsMatch(sentence) ? FindingSeverity.High
        : Low().IsMatch(sentence) ? FindingSeverity.Low
        : FindingSeverity.Medium;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[.;!?\n]+")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"\b(must|mandatory|never|required|requires|always|critical|forbidden|not allowed|shall)\b")]
    private static partial Regex Critical();

    [GeneratedRegex(@"\b(should|important|avoid|prefer|expected)\b")]
    private static partial Regex High();

    [GeneratedRegex(@"\b(consider|optional|nice to have|may)\b")]
    private static partial Regex Low();

    [GeneratedRegex(@"\b(two|2|multiple|second|several|multi)[- ]?regions?\b|disaster recovery|geo-?redundan|paired region|region(al)? failover")]
    private static partial Regex MultiRegion();

    [GeneratedRegex(@"private (endpoint|link|network)|no public (access|endpoint)|public network access")]
    private static partial Regex PrivateAccess();

    [GeneratedRegex(@"customer[- ]managed keys?|\bcmk\b|\bbyok\b|bring your own key")]
    private static partial Regex CustomerKeys();

    [GeneratedRegex(@"\bwaf\b|web application firewall")]
    private static partial Regex Waf();

    [GeneratedRegex(@"(under|below|at most|no more than|within|max(imum)?( of)?|budget( of)?|cap( of)?)\s*\$?\s*(?<n>\d[\d,]*(\.\d+)?)\s*(usd|\$|dollars)?\s*(a|per|/)\s*month")]
    private static partial Regex Budget();

    [GeneratedRegex(@"(sla|availability|uptime)\D{0,30}(?<n>9\d(\.\d+)?)\s*%|(?<n>9\d(\.\d+)?)\s*%\s*(sla|availability|uptime)")]
    private static partial Regex Sla();

    [GeneratedRegex(@"\b(no|avoid|never use|must not use|do not use|don't use|not use|forbid|forbidden|not allowed|ban|banned|without)\b")]
    private static partial Regex Forbids();
}
