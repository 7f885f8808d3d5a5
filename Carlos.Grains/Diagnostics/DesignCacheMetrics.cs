using System.Diagnostics.Metrics;
using Carlos.Contracts.Cache;
using Carlos.Contracts.Serialization;

namespace Carlos.Grains.Diagnostics;

/// <summary>The design cache's instruments, on the <c>Carlos</c> meter, tagged by scope (<c>tenant</c> or <c>shared</c>).</summary>
public sealed class DesignCacheMetrics
{
    public const string HitsName = "carlos.cache.hits";
    public const string MissesName = "carlos.cache.misses";
    public const string TokensSavedName = "carlos.cache.tokens_saved";
    public const string ScopeTag = "carlos.cache.scope";

    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private readonly Counter<long> _tokensSaved;

    public DesignCacheMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Telemetry.CarlosMetrics.MeterName);
        _hits = meter.CreateCounter<long>(HitsName, "{design}", "Designs answered from the design cache.");
        _misses = meter.CreateCounter<long>(MissesName, "{design}",
            "Cacheable designs that found no entry and ran their agents.");
        _tokensSaved = meter.CreateCounter<long>(TokensSavedName, "{token}",
            "Model tokens the cached designs had cost, counted once per hit.");
    }

    public void Hit(DesignCacheScope scope, long tokensSaved)
    {
        var tag = new KeyValuePair<string, object?>(ScopeTag, CarlosJson.WireName(scope));
        _hits.Add(1, tag);
        _tokensSaved.Add(tokensSaved, tag);
    }

    public void Missed(DesignCacheScope scope) =>
        _misses.Add(1, new KeyValuePair<string, object?>(ScopeTag, CarlosJson.WireName(scope)));
}
