using Carlos.Contracts.Reports;
using Carlos.Grains.Model;

namespace Carlos.Benchmarks;

/// <summary>
/// The approach the token budget replaces, for comparison: each silo keeps its own sliding window of the deployment's
/// full quota (tokens per minute, and requests over sixths of the minute), counting a call's reservation when it is
/// sent, and holds calls first-come while its window is full. Silos know nothing of each other.
/// </summary>
internal sealed class PerSiloWindowGate(int tokensPerMinute, int requestsPerMinute, TimeSpan window, TimeProvider time)
    : IModelCallGate
{
    private readonly Lock _lock = new();
    private readonly List<(DateTimeOffset At, int Tokens)> _charges = [];
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async ValueTask<IModelCallPermit> AdmitAsync(ModelCallEstimate estimate, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            while (!TryCharge(estimate.ReservedTokens, out var wait))
            {
                await Task.Delay(wait, time, cancellationToken);
            }
        }
        finally
        {
            _turn.Release();
        }

        return new Permit();
    }

    private bool TryCharge(int tokens, out TimeSpan wait)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            _charges.RemoveAll(c => c.At <= now - window);
            var used = _charges.Sum(c => c.Tokens);
            var recent = _charges.Where(c => c.At > now - window / 6).ToList();
            var perSixth = Math.Max(1, (int)Math.Ceiling(requestsPerMinute / 6.0));
            if (used + tokens <= tokensPerMinute && recent.Count < perSixth)
            {
                _charges.Add((now, tokens));
                wait = TimeSpan.Zero;
                return true;
            }

            var next = recent.Count >= perSixth ? recent[0].At + window / 6 : _charges[0].At + window;
            wait = next - now > TimeSpan.FromMilliseconds(1) ? next - now : TimeSpan.FromMilliseconds(1);
            return false;
        }
    }

    private sealed class Permit : IModelCallPermit
    {
        public void Settle(TokenUsage usage)
        {
        }

        public void Throttled(TimeSpan? retryAfter)
        {
        }

        public void QuotaReported(long? remainingTokens, long? remainingRequests)
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
