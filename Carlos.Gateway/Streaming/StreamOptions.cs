using System.ComponentModel.DataAnnotations;

namespace Carlos.Gateway.Streaming;

/// <summary>Settings of the event streams the gateway serves (<c>Carlos:Streams</c>).</summary>
public sealed class StreamOptions
{
    public const string SectionName = "Carlos:Streams";

    /// <summary>How often an idle stream gets a comment line to keep proxies from closing it. Default 15 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a stream renews its subscription to the design grain. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SubscriptionRefresh { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many event streams one user may hold open at once, across all gateways. Default 10.</summary>
    [Range(1, 1000)]
    public int MaxOpenPerUser { get; set; } = 10;
}
