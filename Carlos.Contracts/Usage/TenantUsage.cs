using Carlos.Contracts.Reports;

namespace Carlos.Contracts.Usage;

/// <summary>A tenant's model tokens: in all, today and this month (UTC), as the models reported them.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.TenantUsage")]
public sealed record TenantUsage(
    [property: Id(0)] string TenantId,
    [property: Id(1)] TokenUsage Total,
    [property: Id(2)] TokenUsage Today,
    [property: Id(3)] TokenUsage ThisMonth,
    [property: Id(4)] IReadOnlyDictionary<string, TokenUsage> ByDay)
{
    /// <summary>The caps of the tenant's plan, if it has any.</summary>
    [Id(20)] public SpendCapLimits? Caps { get; init; }
}
