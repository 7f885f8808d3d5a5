using System.ComponentModel.DataAnnotations;

namespace Carlos.Grains.Hosting;

/// <summary>How long a stopping process may take (<c>Carlos:Shutdown</c>).</summary>
public sealed class ShutdownOptions
{
    public const string SectionName = "Carlos:Shutdown";

    /// <summary>
    /// The host's shutdown timeout: how long a silo has to hand its designs over and a gateway to close its streams
    /// after SIGTERM. Default 30 s. A pod's <c>terminationGracePeriodSeconds</c> must be longer (the manifests use
    /// 45 s, and a test checks it), or Kubernetes kills the process in the middle of the hand-over.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
