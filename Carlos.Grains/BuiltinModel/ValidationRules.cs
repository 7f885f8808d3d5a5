using System.Globalization;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Carlos.Grains.Model;

namespace Carlos.Grains.BuiltinModel;

/// <summary>
/// The built-in validator: a design fails on its numbers and its reviews (budget, composite SLA against the
/// reliability target, encryption under regulated compliance, severe findings), never on words in its text.
/// </summary>
internal static class ValidationRules
{
    /// <summary>The lowest composite SLA each reliability target accepts, in percent.</summary>
    public static double MinimumSla(ReliabilityTarget target) => target switch
    {
        ReliabilityTarget.Extreme => 99.99,
        ReliabilityTarget.High => 99.9,
        _ => 99.5,
    };

    public static ValidationVerdict Judge(AgentContext context)
    {
        var settings = context.Settings;
        var issues = new List<ValidationIssue>();

        if (context.Cost is { } cost && settings.MonthlyBudgetUsd is { } budget && cost.TotalMonthlyCostUsd > budget)
        {
            issues.Add(new(ValidationIssueType.Cost, ValidationSeverity.Error,
                Format($"Estimated cost {cost.TotalMonthlyCostUsd:0.00} USD a month exceeds the budget of {budget:0.00} USD."),
                "Move services to lower tiers or drop optional services."));
        }

        if (context.Cost is { UnpricedServices.Count: > 0 } unpriced)
        {
            issues.Add(new(ValidationIssueType.Cost, ValidationSeverity.Warning,
                $"No catalog price for: {string.Join(", ", unpriced.UnpricedServices)}.",
                "Check these services' prices before committing to a budget."));
        }

        var minimum = MinimumSla(settings.Reliability);
        if (context.Reliability is { } reliability && reliability.EstimatedSlaPercentage < minimum)
        {
            issues.Add(new(ValidationIssueType.Reliability, ValidationSeverity.Error,
                Format($"Composite SLA {reliability.EstimatedSlaPercentage:0.###}% is below the {minimum:0.##}% the reliability target needs."),
                "Use zone-redundant tiers for compute and data, or add a second region."));
        }

        if (context.Security is { } security)
        {
            if (settings.Compliance != ComplianceLevel.Standard && security.UnencryptedDataStores.Count > 0)
            {
                issues.Add(new(ValidationIssueType.Security, ValidationSeverity.Error,
                    $"Regulated data without customer-managed keys: {string.Join(", ", security.UnencryptedDataStores)}.",
                    "Encrypt every data store with customer-managed keys from Key Vault."));
            }

            foreach (var finding in security.Findings.Where(f => f.Severity >= FindingSeverity.High))
            {
                var severity = finding.Severity == FindingSeverity.Critical || settings.Strictness == Strictness.Strict
                    ? ValidationSeverity.Error
                    : ValidationSeverity.Warning;
                issues.Add(new(ValidationIssueType.Security, severity, finding.Title, finding.Recommendation));
            }
        }

        if (context.Reliability is { SinglePointsOfFailure.Count: > 0 } weak && settings.Strictness != Strictness.Flexible)
        {
            issues.Add(new(ValidationIssueType.Reliability, ValidationSeverity.Warning,
                $"Single points of failure: {string.Join("; ", weak.SinglePointsOfFailure)}.",
                "Add redundancy for these components."));
        }

        issues.AddRange(CustomReviewRules.Issues(context));
        issues.AddRange(LessonRules.Issues(context));

        var worst = issues.Count == 0 ? ValidationSeverity.None : issues.Max(i => i.Severity);
        var passed = worst != ValidationSeverity.Error;
        var summary = passed
            ? $"The design passes validation with {issues.Count} warning{(issues.Count == 1 ? "" : "s")}."
            : $"The design needs revision: {issues.Count(i => i.Severity == ValidationSeverity.Error)} blocking issue(s).";
        return new ValidationVerdict(passed, worst, issues, summary);
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
