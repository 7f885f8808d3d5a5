using System.ComponentModel.DataAnnotations;

namespace Carlos.Grains.Hosting;

/// <summary>The Orleans dashboard (<c>Carlos:Dashboard</c>): off unless enabled, always behind the admin key.</summary>
public sealed class DashboardSettings
{
    public const string SectionName = "Carlos:Dashboard";

    /// <summary>Whether silos (and an embedded gateway) serve the dashboard. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where the dashboard is served. Default <c>/dashboard</c>; never route it through the Ingress.</summary>
    [Required, RegularExpression("^/[a-z0-9/-]{1,63}$")]
    public string RoutePrefix { get; set; } = "/dashboard";
}
