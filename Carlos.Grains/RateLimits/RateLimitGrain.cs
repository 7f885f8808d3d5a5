using Carlos.Contracts.RateLimits;
using Carlos.Grains.Hosting;

namespace Carlos.Grains.RateLimits;

/// <summary>
/// A sliding-window log: a request is admitted when fewer than the limit were admitted in the last window. Each
/// admission is stored before the answer, so neither a restart nor a move of the grain admits more than the limit;
/// rejections write nothing.
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
        var admissions = Prune(policy, now);
        if (admissions.Count >= policy.PermitLimit)
        {
            return Decision(policy, now, admittedAt: null);
        }

        admissions.Add(now.UtcTicks);
        await store.WriteStateAsync();
        return Decision(policy, now, now);
    }

    public async Task RefundAsync(DateTimeOffset admittedAt)
    {
        if (store.State.Admissions.Remove(admittedAt.UtcTicks))
        {
            await store.WriteStateAsync();
        }
    }

    public Task<RateLimitDecision> PeekAsync(RateLimitPolicy policy)
    {
        var now = time.GetUtcNow();
        Prune(policy, now);
        return Task.FromResult(Decision(policy, now, admittedAt: null));
    }

    private List<long> Prune(RateLimitPolicy policy, DateTimeOffset now)
    {
        var admissions = store.State.Admissions;
        var cutoff = (now - policy.Window).UtcTicks;
        var expired = admissions.FindIndex(t => t > cutoff);
        admissions.RemoveRange(0, expired < 0 ? admissions.Count : expired);
        return admissions;
    }

    private RateLimitDecision Decision(RateLimitPolicy policy, DateTimeOffset now, DateTimeOffset? admittedAt)
    {
        var admissions = store.State.Admissions;
        var remaining = Math.Max(0, policy.PermitLimit - admissions.Count);
        var reset = admissions.Count == 0 ? now : new DateTimeOffset(admissions[0], TimeSpan.Zero) + policy.Window;
        return new RateLimitDecision(admittedAt is not null, policy, remaining, reset, admittedAt);
    }
}
