namespace Carlos.Gateway.Hosting;

/// <summary>
/// The gateway's shutdown, as the requests see it. From SIGTERM on
/// (<see cref="IHostApplicationLifetime.ApplicationStopping"/>) readiness fails, new work is refused with 503 and <c>Retry-After</c>, and open event streams end with a
/// reconnection hint, so that clients resume on another gateway with their <c>Last-Event-ID</c>.
/// </summary>
internal sealed class GatewayDrain(IHostApplicationLifetime lifetime)
{
    /// <summary>How soon a client should come back: long enough for the Service to route it elsewhere.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    public CancellationToken Stopping => lifetime.ApplicationStopping;

    public bool IsDraining => lifetime.ApplicationStopping.IsCancellationRequested;
}
