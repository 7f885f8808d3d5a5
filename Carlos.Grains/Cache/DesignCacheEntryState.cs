namespace Carlos.Grains.Cache;

/// <summary>A stored cache entry: the design, and the tenants whose indexes hold it.</summary>
[GenerateSerializer]
[Alias("Carlos.DesignCacheEntryState")]
public sealed class DesignCacheEntryState
{
    [Id(0)] public CachedDesign? Design { get; set; }

    [Id(1)] public HashSet<string> Writers { get; set; } = new(StringComparer.Ordinal);
}
