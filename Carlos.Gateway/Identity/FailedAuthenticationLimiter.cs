using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Carlos.Gateway.Identity;

/// <summary>
/// Counts failed authentications per client address, in this gateway's memory. It keeps key guessing and floods of
/// bad keys cheap to refuse: once an address is over its budget it gets 429 before any key is looked up. The
/// address is the connection's, never a forwarded header a client could set.
/// </summary>
internal sealed class FailedAuthenticationLimiter(IOptions<AuthOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> _limiter = PartitionedRateLimiter.Create<IPAddress, IPAddress>(
        address => RateLimitPartition.GetSlidingWindowLimiter(address, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.Value.FailedAttemptsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));

    public bool IsBlocked(IPAddress address) => _limiter.GetStatistics(address)?.CurrentAvailablePermits == 0;

    /// <summary>Records a failure; false when the address has now used up its budget.</summary>
    public bool RecordFailure(IPAddress address)
    {
        using var lease = _limiter.AttemptAcquire(address);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
