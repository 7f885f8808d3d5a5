using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Carlos.Grains.Catalog;
using Carlos.Grains.Model;

namespace Carlos.Grains.BuiltinModel;

/// <summary>
/// The built-in architect's rules: which catalog services a design uses, at which tier, in how many regions, and how
/// a revision answers the validator's issues.
/// </summary>
internal sealed class ArchitectPlanner(ServiceCatalog catalog)
{
    /// <summary>Every design gets these: monitoring, a secret store and a network to put things in.</summary>
    public static readonly IReadOnlyList<string> Baseline = ["vnet", "key_vault", "log_analytics"];

    /// <summary>Services that exist once for the whole design rather than once per region.</summary>
    private static readonly HashSet<string> GlobalServices = ["front_door", "static_web_apps"];

    private static readonly HashSet<string> PublicCompute =
        ["app_service", "container_apps", "aks", "virtual_machines", "functions", "static_web_apps"];

    public DesignPlan Plan(AgentContext context)
    {
        if (context.Round > 1 && context.DesignMarkdown is { } previous && context.Validation is { } verdict)
        {
            return Revise(DesignDocument.Parse(previous), verdict, context.Settings);
        }

        return Draft(context.Requirements, context.Settings,
            context.Candidate == Contracts.Designs.DesignCandidate.Rival);
    }

    public static bool IsDataStore(CatalogService service) =>
        service.Category is ServiceCategory.Database or ServiceCategory.Storage;

    public static bool IsPublicCompute(string serviceId) => PublicCompute.Contains(serviceId);

    private DesignPlan Draft(string requirements, DesignSettings settings, bool rival)
    {
        var ids = catalog.Match(requirements).Select(s => s.Id).ToList();
        if (ScenarioPresets.TryGet(settings.Scenario, out var preset))
        {
            ids.AddRange(preset.TypicalServices);
        }

        if (!ids.Any(id => catalog.Get(id).Category == ServiceCategory.Compute))
        {
            ids.Add(settings.CostPerformance == CostPerformance.CostOptimized ? "functions" : "app_service");
        }

        if (settings.Reliability == ReliabilityTarget.Extreme)
        {
            ids.Add("front_door");
        }

        ids.AddRange(Baseline);
        var strict = settings.Compliance == ComplianceLevel.Strict;
        var tiers = ids.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => settings.CostPerformance);
        var emphasis = rival ? new RivalRules(catalog).Apply(tiers, requirements) : null;
        return Build(tiers, settings.Reliability == ReliabilityTarget.Extreme ? 2 : 1, strict, strict)
            with { Emphasis = emphasis };
    }

    private DesignPlan Revise(DesignPlan previous, ValidationVerdict verdict, DesignSettings settings)
    {
        var tiers = previous.Components
            .GroupBy(c => c.ServiceId)
            .ToDictionary(g => g.Key, g => g.First().Tier, StringComparer.Ordinal);
        var regions = previous.Regions;
        var privateEndpoints = previous.PrivateEndpoints;
        var keys = previous.CustomerManagedKeys;
        var errors = verdict.Issues.Where(i => i.Severity == ValidationSeverity.Error).Select(i => i.Type).ToHashSet();

        if (errors.Contains(ValidationIssueType.Cost))
        {
            LowerCost(tiers, settings);
        }

        if (errors.Contains(ValidationIssueType.Reliability))
        {
            if (!RaiseReliability(tiers) && settings.Reliability == ReliabilityTarget.Extreme)
            {
                regions = 2;
            }
        }

        if (errors.Contains(ValidationIssueType.Security))
        {
            keys |= settings.Compliance != ComplianceLevel.Standard;
            privateEndpoints |= settings.Compliance == ComplianceLevel.Strict;
            if (tiers.Keys.Any(IsPublicCompute) && !tiers.ContainsKey("front_door")
                && !tiers.ContainsKey("application_gateway"))
            {
                tiers["front_door"] = settings.CostPerformance;
            }
        }

        if (errors.Contains(ValidationIssueType.Completeness) && !tiers.Keys.Any(IsCompute))
        {
            tiers["app_service"] = settings.CostPerformance;
        }

        return Build(tiers, regions, privateEndpoints, keys);
    }

    private void LowerCost(Dictionary<string, CostPerformance> tiers, DesignSettings settings)
    {
        var lowered = false;
        foreach (var id in tiers.Keys.ToList().Where(id => tiers[id] > CostPerformance.CostOptimized))
        {
            tiers[id] = tiers[id] - 1;
            lowered = true;
        }

        if (lowered || !ScenarioPresets.TryGet(settings.Scenario, out var preset))
        {
            return;
        }

        // Already at the cheapest tiers: drop what only the scenario suggested, keeping what was asked for.
        foreach (var id in preset.TypicalServices.Where(id => !IsCompute(id)))
        {
            tiers.Remove(id);
        }
    }

    private bool RaiseReliability(Dictionary<string, CostPerformance> tiers)
    {
        var raised = false;
        foreach (var id in tiers.Keys.ToList())
        {
            var category = catalog.Get(id).Category;
            var critical = category is ServiceCategory.Compute or ServiceCategory.Database or ServiceCategory.Storage;
            if (critical && tiers[id] < CostPerformance.PerformanceOptimized)
            {
                tiers[id] = tiers[id] + 1;
                raised = true;
            }
        }

        return raised;
    }

    private bool IsCompute(string id) => catalog.Get(id).Category == ServiceCategory.Compute;

    private DesignPlan Build(
        IReadOnlyDictionary<string, CostPerformance> tiers, int regions, bool privateEndpoints, bool keys)
    {
        var components = new List<PlannedComponent>();
        var ordered = catalog.Services.Where(s => tiers.ContainsKey(s.Id) && s.Id != "private_endpoint");
        foreach (var region in regions == 2
                     ? new[] { DesignPlan.PrimaryRegion, DesignPlan.SecondaryRegion }
                     : [DesignPlan.PrimaryRegion])
        {
            foreach (var service in ordered)
            {
                if (region == DesignPlan.SecondaryRegion && GlobalServices.Contains(service.Id))
                {
                    continue;
                }

                components.Add(Component(service, tiers[service.Id], region, null));
            }

            var linked = ordered.Count(s => s.PrivateLinkSubresource is not null && !GlobalServices.Contains(s.Id));
            if (privateEndpoints && linked > 0)
            {
                components.Add(Component(catalog.Get("private_endpoint"), CostPerformance.Balanced, region, linked));
            }
        }

        return new DesignPlan(components, regions, privateEndpoints, keys);
    }

    private static PlannedComponent Component(
        CatalogService service, CostPerformance tier, string region, int? quantity)
    {
        var sku = ServiceCatalog.SkuFor(service, tier);
        return new PlannedComponent(service.Id, service.Name, tier, sku.Sku.Replace('|', '/'),
            quantity ?? sku.Quantity, region);
    }
}
