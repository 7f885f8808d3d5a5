using Carlos.Contracts.Tenants;

namespace Carlos.Grains.Tenants;

/// <summary>A stored tenant and the ids of keys created for it through the API.</summary>
[GenerateSerializer]
[Alias("Carlos.TenantState")]
public sealed class TenantState
{
    [Id(0)] public TenantInfo? Info { get; set; }

    [Id(1)] public HashSet<string> KeyIds { get; set; } = [];
}
