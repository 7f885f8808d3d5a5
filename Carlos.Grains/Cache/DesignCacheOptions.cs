using System.ComponentModel.DataAnnotations;

namespace Carlos.Grains.Cache;

/// <summary>Settings of the design cache (<c>Carlos:Cache</c>).</summary>
public sealed class DesignCacheOptions
{
    public const string SectionName = "Carlos:Cache";

    /// <summary>
    /// The key of the <see cref="TimeProvider"/> the cache reads the time from; the host's clock unless a test
    /// registers its own under this key.
    /// </summary>
    public const string ClockKey = "carlos.cache.clock";

    /// <summary>Whether designs are looked up in and written to the cache. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long an entry lives after it is written; then it is removed from storage. Default 24 h.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How often a tenant's index looks for expired entries and removes them, while it is active; a reminder, at
    /// least a minute apart, does it when it is not. Default 5 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest requirements, in characters, that may be shared between tenants. Default 200.</summary>
    [Range(1, 2000)]
    public int MaxSharedLength { get; set; } = 200;
}
