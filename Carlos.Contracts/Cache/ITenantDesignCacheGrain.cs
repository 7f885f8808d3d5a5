using Carlos.Contracts.Identity;
using Orleans.Concurrency;

namespace Carlos.Contracts.Cache;

/// <summary>
/// One tenant's side of the design cache, keyed by tenant id: whether it shares generic designs with other tenants,
/// its hit and miss counts, and the index of the entries its designs wrote, so that they can be cleared and swept
/// when they expire.
/// </summary>
[Alias("Carlos.ITenantDesignCacheGrain")]
public interface ITenantDesignCacheGrain : IGrainWithStringKey
{
    /// <summary>True when the tenant reads and writes generic requirements in the shared scope.</summary>
    [Alias("UsesSharedScope"), ReadOnly]
    Task<bool> UsesSharedScopeAsync();

    [Alias("GetSettings"), ReadOnly]
    Task<TenantCacheSettings> GetSettingsAsync();

    /// <summary>Sets the tenant's choice; null goes back to what configuration says.</summary>
    [Alias("SetSharedScope")]
    Task<TenantCacheSettings> SetSharedScopeAsync(bool? shared);

    /// <summary>Counts one lookup: a hit saves the cached design's tokens.</summary>
    [Alias("RecordLookup")]
    Task RecordLookupAsync(bool hit, long tokensSaved);

    /// <summary>Indexes an entry this tenant's design wrote, until it expires.</summary>
    [Alias("AddEntry")]
    Task AddEntryAsync(string entryKey, DateTimeOffset expiresAt);

    /// <summary>Drops an entry from the index: it was removed by its grain (expiry, or another tenant's clear).</summary>
    [Alias("ForgetEntry"), OneWay]
    Task ForgetEntryAsync(string entryKey);

    /// <summary>The tenant's figures, or null when the caller is not of this tenant.</summary>
    [Alias("GetStats")]
    Task<DesignCacheStats?> GetStatsAsync(Caller caller);

    /// <summary>Removes every entry the tenant's designs wrote; only a tenant admin of this tenant may.</summary>
    [Alias("Clear")]
    Task<CacheClearOutcome> ClearAsync(Caller caller);
}
