using Carlos.Contracts.Streams;

namespace Carlos.Grains.Streams;

/// <summary>
/// Leases live in memory only: if this grain moves, the count starts again from the streams that renew, which
/// happens within one renewal period. That briefly allows more streams, never fewer.
/// </summary>
[GrainType("carlos.stream-lease")]
internal sealed class StreamLeaseGrain(TimeProvider time) : Grain, IStreamLeaseGrain
{
    private readonly Dictionary<Guid, DateTimeOffset> _leases = [];

    public Task<bool> AcquireAsync(Guid leaseId, int limit, TimeSpan ttl)
    {
        var now = time.GetUtcNow();
        foreach (var lapsed in _leases.Where(l => l.Value <= now).Select(l => l.Key).ToList())
        {
            _leases.Remove(lapsed);
        }

        if (!_leases.ContainsKey(leaseId) && _leases.Count >= limit)
        {
            return Task.FromResult(false);
        }

        _leases[leaseId] = now + ttl;
        return Task.FromResult(true);
    }

    public Task ReleaseAsync(Guid leaseId)
    {
        _leases.Remove(leaseId);
        return Task.CompletedTask;
    }
}
