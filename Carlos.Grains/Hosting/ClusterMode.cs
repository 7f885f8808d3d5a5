namespace Carlos.Grains.Hosting;

/// <summary>How a gateway process reaches the cluster (<c>Carlos:Cluster:Mode</c>).</summary>
public enum ClusterMode
{
    /// <summary>The gateway hosts a silo in its own process. The default, for one-process use.</summary>
    Embedded = 0,

    /// <summary>The gateway joins a cluster of separate silo processes as a client.</summary>
    Client = 1,
}
