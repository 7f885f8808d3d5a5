namespace Carlos.Contracts.Cache;

/// <summary>Where a design answered from the cache came from: when the cached design was made, and what it saved.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.DesignCacheHit")]
public sealed record DesignCacheHit(
    [property: Id(0)] DateTimeOffset CachedAt,
    [property: Id(1)] DateTimeOffset ExpiresAt,
    [property: Id(2)] long TokensSaved,
    [property: Id(3)] DesignCacheScope Scope);
