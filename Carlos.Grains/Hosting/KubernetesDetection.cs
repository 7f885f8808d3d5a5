using Microsoft.Extensions.Configuration;

namespace Carlos.Grains.Hosting;

/// <summary>
/// Whether this process runs in a Kubernetes pod. Orleans' Kubernetes hosting needs the cluster's API, and outside
/// one it retries, then stops the silo; so it is turned on only where the kubelet has set its service variable
/// (read through configuration, which holds the environment).
/// </summary>
public static class KubernetesDetection
{
    public const string ServiceHostVariable = "KUBERNETES_SERVICE_HOST";

    public static bool InCluster(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration[ServiceHostVariable]);
}
