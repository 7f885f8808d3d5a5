using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Carlos.Silo.Hosting;

/// <summary>Ready once the silo is an active member of the cluster.</summary>
internal sealed class SiloReadinessCheck(ISiloStatusOracle status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken) =>
        Task.FromResult(status.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"The silo is {status.CurrentStatus}."));
}
