using System.Globalization;
using System.Text;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Carlos.Contracts.Serialization;
using Carlos.Grains.Catalog;
using Carlos.Grains.Model;

namespace Carlos.Grains.BuiltinModel;

/// <summary>Writes the built-in architect's design document: overview, Mermaid diagram, components and choices.</summary>
internal sealed class ArchitectureWriter(ServiceCatalog catalog)
{
    private readonly ArchitectPlanner _planner = new(catalog);

    public string Write(AgentContext context)
    {
        var plan = _planner.Plan(context);
        var settings = context.Settings;
        var text = new StringBuilder();

        text.AppendLine(context.Round == 1 ? "# Azure architecture" : $"# Azure architecture (revision {context.Round - 1})");
        text.AppendLine();
        text.AppendLine($"_Drafted by Carlos's built-in offline model from service catalog {catalog.Version}; " +
            "no language model was called. Prices are list prices from the catalog._");
        text.AppendLine();
        text.AppendLine("## Overview");
        text.AppendLine();
        text.AppendLine($"This design answers the requirements below for the `{settings.Scenario}` scenario, " +
            $"tuned for {Words(settings.CostPerformance)}, {Words(settings.Compliance)} compliance and " +
            $"{Words(settings.Reliability)} reliability. It uses {plan.ServiceIds.Count()} Azure services " +
            $"in {plan.Regions} region{(plan.Regions == 1 ? "" : "s")}.");
        if (context.Candidate == Contracts.Designs.DesignCandidate.Rival)
        {
            text.AppendLine();
            text.AppendLine(plan.Emphasis is { } emphasis
                ? $"This is the rival design, {emphasis}: it swaps services for the catalog's alternatives so that " +
                    "it can be weighed against the lead design."
                : "This is the rival design, revised to meet the validator's rules.");
        }

        text.AppendLine();
        foreach (var line in Excerpt(context.Requirements))
        {
            text.AppendLine($"> {line}");
        }

        text.AppendLine();
        AppendRevisionNotes(text, context);
        LessonRules.AppendLessons(text, context, plan, catalog);
        AppendDiagram(text, plan);
        AppendComponents(text, plan);
        AppendChoices(text, plan, settings);
        foreach (var line in LessonRules.Choices(context))
        {
            text.Insert(text.Length - Environment.NewLine.Length, line + Environment.NewLine);
        }

        return text.ToString();
    }

    private static void AppendRevisionNotes(StringBuilder text, AgentContext context)
    {
        if (context.Round == 1 || context.Validation is not { } verdict)
        {
            return;
        }

        text.AppendLine("## Revision notes");
        text.AppendLine();
        foreach (var issue in verdict.Issues.Where(i => i.Severity == ValidationSeverity.Error))
        {
            text.AppendLine($"- Addressed {CarlosJson.WireName(issue.Type)} issue: {issue.Message} " +
                $"({issue.Recommendation})");
        }

        text.AppendLine();
    }

    private void AppendDiagram(StringBuilder text, DesignPlan plan)
    {
        text.AppendLine("## Diagram");
        text.AppendLine();
        text.AppendLine("```mermaid");
        text.AppendLine("flowchart LR");
        text.AppendLine("    users([Users])");
        foreach (var region in plan.Components.Select(c => c.Region).Distinct())
        {
            text.AppendLine($"    subgraph {region}[\"{(region == DesignPlan.PrimaryRegion ? "Primary" : "Secondary")} region\"]");
            foreach (var c in plan.InRegion(region))
            {
                text.AppendLine($"        {Node(c)}{Shape(c)}");
            }

            text.AppendLine("    end");
        }

        foreach (var (from, to, dotted) in Edges(plan))
        {
            text.AppendLine($"    {from} {(dotted ? "-.->" : "-->")} {to}");
        }

        text.AppendLine("```");
        text.AppendLine();
    }

    private IEnumerable<(string From, string To, bool Dotted)> Edges(DesignPlan plan)
    {
        var global = plan.Components.Where(c => IsGlobal(c.ServiceId)).Select(Node).ToList();
        foreach (var g in global)
        {
            yield return ("users", g, false);
        }

        foreach (var region in plan.Components.Select(c => c.Region).Distinct())
        {
            var here = plan.InRegion(region).Where(c => !IsGlobal(c.ServiceId))
                .Select(c => (Node: Node(c), Id: c.ServiceId, catalog.Get(c.ServiceId).Category)).ToList();
            var entries = here.Where(x => IsEntry(x.Id)).Select(x => x.Node).ToList();
            var compute = here.Where(x => x.Category == ServiceCategory.Compute).Select(x => x.Node).ToList();
            var backends = here.Where(x => x.Category is ServiceCategory.Database or ServiceCategory.Storage
                    or ServiceCategory.Integration or ServiceCategory.Ai or ServiceCategory.Analytics)
                .Select(x => x.Node).ToList();
            var side = here.Where(x => x.Category is ServiceCategory.Monitoring or ServiceCategory.Security)
                .Select(x => x.Node).ToList();

            var workers = compute.Count > 0 ? compute : backends;
            var front = entries.Count > 0 ? entries : workers;
            foreach (var target in front)
            {
                foreach (var source in global.Count > 0 ? global : ["users"])
                {
                    yield return (source, target, false);
                }
            }

            foreach (var (entry, worker) in entries.SelectMany(e => workers.Select(w => (e, w))))
            {
                yield return (entry, worker, false);
            }

            foreach (var c in compute)
            {
                foreach (var b in backends)
                {
                    yield return (c, b, false);
                }

                foreach (var s in side)
                {
                    yield return (c, s, true);
                }
            }
        }
    }

    private static bool IsEntry(string id) => id is "front_door" or "application_gateway" or "api_management"
        or "load_balancer" or "firewall";

    private static bool IsGlobal(string id) => id is "front_door" or "static_web_apps";

    private static string Node(PlannedComponent c) => $"{c.ServiceId}_{c.Region}";

    private string Shape(PlannedComponent c)
    {
        var label = c.Name.Replace("\"", "'", StringComparison.Ordinal);
        return catalog.Get(c.ServiceId).Category is ServiceCategory.Database or ServiceCategory.Storage
            ? $"[(\"{label}\")]"
            : $"[\"{label}\"]";
    }

    private static void AppendComponents(StringBuilder text, DesignPlan plan)
    {
        text.AppendLine(DesignDocument.ComponentsHeading);
        text.AppendLine();
        text.AppendLine("| Component | Catalog id | Tier | SKU | Quantity | Region |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var c in plan.Components)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {c.Name} | `{c.ServiceId}` | {DesignDocument.TierName(c.Tier)} | {c.Sku} | {c.Quantity} | {c.Region} |"));
        }

        text.AppendLine();
    }

    private static void AppendChoices(StringBuilder text, DesignPlan plan, DesignSettings settings)
    {
        text.AppendLine(DesignDocument.ChoicesHeading);
        text.AppendLine();
        text.AppendLine($"- Regions: {plan.Regions}");
        text.AppendLine($"- Private endpoints: {(plan.PrivateEndpoints ? "yes" : "no")}");
        text.AppendLine($"- Customer-managed keys: {(plan.CustomerManagedKeys ? "yes" : "no")}");
        text.AppendLine($"- Identity: managed identities for service-to-service access; no secrets in code.");
        text.AppendLine($"- Secrets: Azure Key Vault with RBAC authorisation and purge protection.");
        text.AppendLine($"- Observability: every service sends diagnostics to the Log Analytics workspace.");
        if (settings.MonthlyBudgetUsd is { } budget)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- Monthly budget: {budget:0.##} USD"));
        }

        text.AppendLine();
    }

    private static IEnumerable<string> Excerpt(string requirements)
    {
        var flat = string.Join(' ', requirements.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        yield return flat.Length <= 400 ? flat : string.Concat(flat.AsSpan(0, 400), " …");
    }

    private static string Words<TEnum>(TEnum value) where TEnum : struct, Enum =>
        CarlosJson.WireName(value).Replace('_', ' ');
}
