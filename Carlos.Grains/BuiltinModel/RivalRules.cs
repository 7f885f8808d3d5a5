using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Carlos.Grains.Catalog;

namespace Carlos.Grains.BuiltinModel;

/// <summary>
/// How the built-in rival architect turns the lead's draft into another design, by the catalog's alternatives:
/// <list type="bullet">
/// <item>Where the lead's compute is all serverless, the rival is container-first: each compute service becomes
/// its first alternative among AKS and App Service.</item>
/// <item>Otherwise the rival is serverless-first (managed-first when the lead self-manages virtual machines): each
/// other compute service becomes its first serverless alternative (Container Apps, Functions, Static Web Apps).</item>
/// <item>A database or store the requirements did not name becomes its first alternative not already used.</item>
/// </list>
/// Tiers, regions, private endpoints and keys stay as the lead has them, so the two designs differ in services, and
/// so in cost and SLA, for the same settings.
/// </summary>
internal sealed class RivalRules(ServiceCatalog catalog)
{
    public const string ServerlessFirst = "serverless-first";
    public const string ContainerFirst = "container-first";
    public const string ManagedFirst = "managed-first";

    private static readonly HashSet<string> Serverless = ["functions", "container_apps", "static_web_apps"];

    private static readonly string[] Dedicated = ["aks", "app_service"];

    /// <summary>Changes the lead's tiers into the rival's in place, and returns the rival's emphasis.</summary>
    public string Apply(Dictionary<string, CostPerformance> tiers, string requirements)
    {
        var compute = tiers.Keys
            .Where(id => catalog.Get(id) is { Category: ServiceCategory.Compute, Alternatives.Count: > 0 })
            .ToList();
        var serverlessLead = compute.All(Serverless.Contains);
        var emphasis = serverlessLead ? ContainerFirst
            : compute.Any(id => catalog.Get(id).SelfManaged) ? ManagedFirst : ServerlessFirst;

        foreach (var id in compute)
        {
            var alternatives = catalog.Get(id).Alternatives;
            var target = serverlessLead
                ? Dedicated.FirstOrDefault(alternatives.Contains)
                : alternatives.FirstOrDefault(Serverless.Contains);
            if (target is not null && (serverlessLead || !Serverless.Contains(id)))
            {
                Replace(tiers, id, target);
            }
        }

        var named = catalog.Match(requirements).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in tiers.Keys.Where(id => !named.Contains(id) && IsStore(id)).ToList())
        {
            if (catalog.Get(id).Alternatives.FirstOrDefault(a => !tiers.ContainsKey(a) && IsStore(a)) is { } other)
            {
                Replace(tiers, id, other);
            }
        }

        return emphasis;
    }

    private bool IsStore(string id) => catalog.Get(id).Category is ServiceCategory.Database or ServiceCategory.Storage;

    private static void Replace(Dictionary<string, CostPerformance> tiers, string from, string to)
    {
        var tier = tiers[from];
        tiers.Remove(from);
        tiers.TryAdd(to, tier);
    }
}
