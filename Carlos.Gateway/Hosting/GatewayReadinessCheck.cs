using Carlos.Contracts.Designs;
using Carlos.Contracts.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Carlos.Gateway.Hosting;

/// <summary>
/// Ready when a grain call reaches the cluster and comes back within two seconds, and not once the gateway has
/// begun to shut down, so that the Service stops sending it requests.
/// </summary>
internal sealed class GatewayReadinessCheck(IGrainFactory grains, GatewayDrain drain) : IHealthCheck
{
    private static readonly Caller Probe = new("carlos-readiness-probe", "probe");
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        if (drain.IsDraining)
        {
            return HealthCheckResult.Unhealthy("The gateway is shutting down.");
        }

        try
        {
            // An id nobody uses: the call activates an empty design, which answers "not found" without side effects.
            await grains.GetGrain<IDesignWorkflowGrain>(Guid.Empty).GetAsync(Probe).WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The cluster did not answer.", ex);
        }
    }
}
