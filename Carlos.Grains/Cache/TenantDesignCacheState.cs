namespace Carlos.Grains.Cache;

/// <summary>A tenant's cache figures, its choice of scope, and the entries its designs wrote, with expiry.</summary>
[GenerateSerializer]
[Alias("Carlos.TenantDesignCacheState")]
public sealed class TenantDesignCacheState
{
    /// <summary>Set through the admin API; null follows configuration.</summary>
    [Id(0)] public bool? SharedScope { get; set; }

    [Id(1)] public long Hits { get; set; }

    [Id(2)] public long Misses { get; set; }

    [Id(3)] public long TokensSaved { get; set; }

    [Id(4)] public Dictionary<string, DateTimeOffset> Entries { get; set; } = new(StringComparer.Ordinal);
}
