using Carlos.Contracts.Reports;

namespace Carlos.Grains.Usage;

/// <summary>A tenant's usage in all and by UTC day (yyyy-MM-dd), the last <see cref="TenantUsageGrain.DaysKept"/> days.</summary>
[GenerateSerializer]
[Alias("Carlos.TenantUsageState")]
public sealed class TenantUsageState
{
    [Id(0)] public TokenUsage Total { get; set; } = TokenUsage.Zero;

    [Id(1)] public SortedDictionary<string, TokenUsage> ByDay { get; set; } = new(StringComparer.Ordinal);
}
