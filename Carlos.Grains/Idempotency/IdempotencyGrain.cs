using Carlos.Contracts.Idempotency;
using Carlos.Grains.Hosting;

namespace Carlos.Grains.Idempotency;

/// <inheritdoc cref="IIdempotencyGrain"/>
[GrainType("carlos.idempotency")]
internal sealed class IdempotencyGrain(
    [PersistentState("idempotency", StorageNames.Default)] IPersistentState<IdempotencyRecord> store,
    TimeProvider time)
    : Grain, IIdempotencyGrain
{
    /// <summary>How long a key is remembered.</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>A claim older than this whose request never completed is taken as abandoned.</summary>
    private static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(2);

    public async Task<IdempotencyClaim> ClaimAsync(string fingerprint)
    {
        var now = time.GetUtcNow();
        var state = store.State;
        var live = state.Fingerprint is not null && now - state.ClaimedAt < Retention
            && (state.Response is not null || now - state.ClaimedAt < StaleClaim);
        if (live)
        {
            if (state.Fingerprint != fingerprint)
            {
                return new IdempotencyClaim(IdempotencyState.Mismatch, null);
            }

            return state.Response is { } response
                ? new IdempotencyClaim(IdempotencyState.Completed, response)
                : new IdempotencyClaim(IdempotencyState.InProgress, null);
        }

        store.State = new IdempotencyRecord { Fingerprint = fingerprint, ClaimedAt = now };
        await store.WriteStateAsync();
        return new IdempotencyClaim(IdempotencyState.Claimed, null);
    }

    public async Task CompleteAsync(IdempotentResponse response)
    {
        store.State.Response = response;
        await store.WriteStateAsync();
    }

    public async Task AbandonAsync()
    {
        if (store.State.Response is null)
        {
            await store.ClearStateAsync();
        }
    }
}
