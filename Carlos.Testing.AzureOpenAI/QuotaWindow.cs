namespace Carlos.Testing.AzureOpenAI;

/// <summary>
/// A deployment's quotas as Azure enforces them: a request reserves its prompt tokens plus its output limit against a
/// sliding window of tokens per minute, and requests per minute are checked over sub-windows of a sixth of the
/// window (10 seconds of a minute). The window can be scaled down for benchmarks.
/// </summary>
internal sealed class QuotaWindow(TestDeployment deployment, TimeProvider time, TimeSpan window)
{
    private readonly List<Charge> _charges = [];
    private readonly List<DateTimeOffset> _requests = [];
    private readonly Lock _lock = new();

    private TimeSpan SubWindow => window / 6;

    private int RequestsPerSubWindow => Math.Max(1, (int)Math.Ceiling(deployment.RequestsPerMinute / 6.0));

    public QuotaDecision TryAdmit(long id, int reserve)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Prune(now);
            var used = _charges.Sum(c => c.Tokens);
            var recent = _requests.Where(r => r > now - SubWindow).ToList();
            if (recent.Count >= RequestsPerSubWindow)
            {
                return Refused(now, used, recent[0] + SubWindow - now, "request");
            }

            if (used + reserve > deployment.TokensPerMinute)
            {
                return Refused(now, used, TokensFreeAt(used, reserve) - now, "token");
            }

            _charges.Add(new Charge(id, now, reserve));
            _requests.Add(now);
            return new QuotaDecision(true, TimeSpan.Zero, deployment.TokensPerMinute - used - reserve,
                RemainingRequests(), null);
        }
    }

    /// <summary>A provisioned deployment charges the real usage once the call ends.</summary>
    public int Settle(long id, int actual)
    {
        lock (_lock)
        {
            var index = _charges.FindIndex(c => c.Id == id);
            if (deployment.Mode != QuotaMode.Provisioned || index < 0)
            {
                return index < 0 ? actual : _charges[index].Tokens;
            }

            _charges[index] = _charges[index] with { Tokens = actual };
            return actual;
        }
    }

    public (long Tokens, long Requests) Remaining()
    {
        lock (_lock)
        {
            Prune(time.GetUtcNow());
            return (deployment.TokensPerMinute - _charges.Sum(c => c.Tokens), RemainingRequests());
        }
    }

    private QuotaDecision Refused(DateTimeOffset now, long used, TimeSpan wait, string kind) =>
        new(false, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Math.Max(0, deployment.TokensPerMinute - used),
            RemainingRequests(), kind);

    private DateTimeOffset TokensFreeAt(long used, int reserve)
    {
        if (reserve > deployment.TokensPerMinute)
        {
            return time.GetUtcNow() + window;
        }

        var freed = 0L;
        foreach (var charge in _charges.OrderBy(c => c.At))
        {
            freed += charge.Tokens;
            if (used - freed + reserve <= deployment.TokensPerMinute)
            {
                return charge.At + window;
            }
        }

        return time.GetUtcNow() + window;
    }

    private long RemainingRequests() => Math.Max(0, deployment.RequestsPerMinute - _requests.Count);

    private void Prune(DateTimeOffset now)
    {
        _charges.RemoveAll(c => c.At <= now - window);
        _requests.RemoveAll(r => r <= now - window);
    }

    private sealed record Charge(long Id, DateTimeOffset At, int Tokens);
}

/// <summary>Whether a request fits the quota, and the headers that say so.</summary>
internal sealed record QuotaDecision(
    bool Admitted, TimeSpan RetryAfter, long RemainingTokens, long RemainingRequests, string? Exceeded);
