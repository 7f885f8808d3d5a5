using System.ComponentModel.DataAnnotations;

namespace Carlos.Gateway.RateLimiting;

/// <summary>
/// One class's quota: <see cref="PermitLimit"/> requests per user in any sliding <see cref="Window"/>. Either may be
/// left out; it then comes from the default for the class.
/// </summary>
public sealed class RateLimitSetting
{
    [Range(1, 100_000_000)]
    public int? PermitLimit { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "31.00:00:00")]
    public TimeSpan? Window { get; set; }
}

/// <summary>A plan's overrides of the default quotas (<c>Carlos:Plans:{plan}</c>).</summary>
public sealed class PlanOptions
{
    public Dictionary<string, RateLimitSetting> RateLimits { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The plan's caps on model tokens (<c>Carlos:Plans:{plan}:SpendCaps</c>); none by default.</summary>
    public SpendCapSetting SpendCaps { get; set; } = new();
}

/// <summary>Caps on a tenant's model tokens per UTC day and per UTC month; unset is no cap.</summary>
public sealed class SpendCapSetting
{
    [Range(1, long.MaxValue)]
    public long? TokensPerDay { get; set; }

    [Range(1, long.MaxValue)]
    public long? TokensPerMonth { get; set; }
}

/// <summary>
/// Per-user quotas: <c>Carlos:RateLimits:{class}:PermitLimit</c> and <c>:Window</c> for the defaults, and
/// <c>Carlos:Plans:{plan}:RateLimits:{class}</c> for a tenant's plan. Defaults: design 10 an hour, custom_agent 20 an
/// hour, upload 30 an hour, read 600 a minute.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Where <see cref="Defaults"/> is bound from.</summary>
    public const string DefaultsSection = "Carlos:RateLimits";

    /// <summary>Where <see cref="Plans"/> is bound from.</summary>
    public const string PlansSection = "Carlos:Plans";

    public Dictionary<string, RateLimitSetting> Defaults { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, PlanOptions> Plans { get; set; } = new(StringComparer.Ordinal);
}
