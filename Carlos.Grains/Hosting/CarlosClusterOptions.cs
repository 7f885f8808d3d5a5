using System.ComponentModel.DataAnnotations;

namespace Carlos.Grains.Hosting;

/// <summary>Where and how a process joins the Orleans cluster (<c>Carlos:Cluster</c>).</summary>
public sealed class CarlosClusterOptions
{
    public const string SectionName = "Carlos:Cluster";

    /// <summary>Gateways only: <see cref="ClusterMode.Embedded"/> (default) or <see cref="ClusterMode.Client"/>.</summary>
    public ClusterMode Mode { get; set; } = ClusterMode.Embedded;

    /// <summary>The cluster's id; silos and clients of one deployment share it. Default <c>carlos</c>.</summary>
    [Required, RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    public string ClusterId { get; set; } = "carlos";

    /// <summary>The service's id, stable across deployments because storage keys include it. Default <c>carlos</c>.</summary>
    [Required, RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    public string ServiceId { get; set; } = "carlos";

    /// <summary>The port silos talk to each other on. Default 11111.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port clients connect to silos on. Default 30000.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address a Redis-clustered silo advertises to others. Default: the loopback address, which suits a
    /// cluster on one machine; set it to the pod or host IP (Kubernetes: <c>POD_IP</c>) everywhere else.
    /// </summary>
    public string? AdvertisedAddress { get; set; }
}
