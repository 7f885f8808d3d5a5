namespace Carlos.Contracts.Cache;

/// <summary>
/// A tenant's design cache as <c>GET /v1/cache/stats</c> shows it. <see cref="HitRate"/> is hits over lookups (0
/// before any); <see cref="Entries"/> counts the live entries the tenant's designs wrote; <see cref="TokensSaved"/>
/// adds up the model tokens the cached designs had cost, once per hit.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.DesignCacheStats")]
public sealed record DesignCacheStats(
    [property: Id(0)] long Hits,
    [property: Id(1)] long Misses,
    [property: Id(2)] double HitRate,
    [property: Id(3)] int Entries,
    [property: Id(4)] long TokensSaved);
