using Carlos.Contracts.RateLimits;
using Carlos.Grains.Hosting;

namespace Carlos.Grains.RateLimits;

/// <summary>
/// A sliding window counted in whole seconds: a request is admitted when fewer than the limit were admitted in the
/// current second and the window's other seconds before it. The state holds at most one count per second of the
/// window, whatever the limit. Each admission is stored before the answer, so neither a restart nor a move of the
/// grain admits more than the limit; rejections write nothing.
/// </summary>
[GrainType("carlos.rate-limit")]
internal sealed class RateLimitGrain(
    [PersistentState("quota", StorageNames.Default)] IPersistentState<RateLimitState> store,
    TimeProvider time)
    : Grain, IRateLimitGrain
{
    public async Task<RateLimitDecision> TryAcquireAsync(RateLimitPolicy policy)
    {
        var now = time.GetUtcNow();
        var seconds = Prune(policy, now);
        if (seconds.Sum(s => s.Count) >= policy.PermitLimit)
        {
            return Decision(policy, now, admittedAt: null);
        }

        var second = now.ToUnixTimeSeconds();
        if (seconds.Count > 0 && seconds[^1].Second == second)
        {
            seconds[^1] = seconds[^1] with { Count = seconds[^1].Count + 1 };
        }
        else
        {
            seconds.Add(new SecondCount(second, 1));
        }

        await store.WriteStateAsync();
        return Decision(policy, now, now);
    }

    public async Task RefundAsync(DateTimeOffset admittedAt)
    {
        var seconds = store.State.Seconds;
        var index = seconds.FindIndex(s => s.Second == admittedAt.ToUnixTimeSeconds());
        if (index < 0)
        {
            return;
        }

        if (seconds[index].Count > 1)
        {
            seconds[index] = seconds[index] with { Count = seconds[index].Count - 1 };
        }
        else
        {
            seconds.RemoveAt(index);
        }

        await store.WriteStateAsync();
    }

    public Task<RateLimitDecision> PeekAsync(RateLimitPolicy policy)
    {
        var now = time.GetUtcNow();
        Prune(policy, now);
        return Task.FromResult(Decision(policy, now, admittedAt: null));
    }

    private List<SecondCount> Prune(RateLimitPolicy policy, DateTimeOffset now)
    {
        var seconds = store.State.Seconds;
        var oldestKept = now.ToUnixTimeSeconds() - WindowSeconds(policy) + 1;
        var first = seconds.FindIndex(s => s.Second >= oldestKept);
        seconds.RemoveRange(0, first < 0 ? seconds.Count : first);
        return seconds;
    }

    private RateLimitDecision Decision(RateLimitPolicy policy, DateTimeOffset now, DateTimeOffset? admittedAt)
    {
        var seconds = store.State.Seconds;
        var remaining = Math.Max(0, policy.PermitLimit - seconds.Sum(s => s.Count));
        var reset = seconds.Count == 0
            ? now
            : DateTimeOffset.FromUnixTimeSeconds(seconds[0].Second + WindowSeconds(policy));
        return new RateLimitDecision(admittedAt is not null, policy, remaining, reset, admittedAt);
    }

    private static long WindowSeconds(RateLimitPolicy policy) => Math.Max(1, (long)Math.Ceiling(policy.Window.TotalSeconds));
}
