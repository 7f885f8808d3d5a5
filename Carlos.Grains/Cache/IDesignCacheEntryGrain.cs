namespace Carlos.Grains.Cache;

/// <summary>
/// One cached design, keyed by its scope and hash (<see cref="DesignCacheKey.EntryKey"/>). It remembers which
/// tenants' designs wrote it, so that removing it takes it out of each of their indexes.
/// </summary>
[Alias("Carlos.IDesignCacheEntryGrain")]
public interface IDesignCacheEntryGrain : IGrainWithStringKey
{
    /// <summary>The cached design, or null when there is none or it has expired (which removes it).</summary>
    [Alias("Get")]
    Task<CachedDesign?> GetAsync();

    /// <summary>Stores the design for the time to live, written by the tenant's design; returns its expiry.</summary>
    [Alias("Put")]
    Task<DateTimeOffset> PutAsync(CachedDesign design, string tenantId);

    /// <summary>
    /// The tenant's index says the entry is due: removes it if it has expired, or else forgets the tenant, whose
    /// write another tenant has since renewed.
    /// </summary>
    [Alias("Expire")]
    Task ExpireAsync(string tenantId);

    /// <summary>Removes the entry at once, for the tenant that clears its cache.</summary>
    [Alias("Clear")]
    Task ClearAsync(string tenantId);
}
