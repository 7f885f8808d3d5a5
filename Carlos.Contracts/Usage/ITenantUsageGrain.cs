using Carlos.Contracts.Identity;
using Carlos.Contracts.Reports;

namespace Carlos.Contracts.Usage;

/// <summary>One tenant's token usage, keyed by tenant id; every finished step adds to it.</summary>
[Alias("Carlos.ITenantUsageGrain")]
public interface ITenantUsageGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task AddAsync(TokenUsage usage);

    /// <summary>The usage, or null when the caller is not of this tenant.</summary>
    [Alias("Get")]
    Task<TenantUsage?> GetAsync(Caller caller);

    /// <summary>Whether <paramref name="tokens"/> more fit under <paramref name="caps"/> today and this month (UTC).</summary>
    [Alias("CheckSpend")]
    Task<SpendCheck> CheckSpendAsync(SpendCapLimits caps, long tokens);
}
