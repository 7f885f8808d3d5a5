using Carlos.Contracts.Designs;
using Carlos.Grains.Hosting;

namespace Carlos.Grains.Events;

/// <inheritdoc cref="IDesignEventChunkGrain"/>
[GrainType("carlos.design-events")]
internal sealed class DesignEventChunkGrain(
    [PersistentState("events", StorageNames.Default)] IPersistentState<DesignEventChunk> chunk)
    : Grain, IDesignEventChunkGrain
{
    public static string Key(Guid designId, long index) => $"{designId:N}/{index}";

    public async Task<int> AppendAsync(IReadOnlyList<DesignEvent> events)
    {
        var stored = chunk.State.Events;
        var last = stored.Count == 0 ? long.MinValue : stored[^1].Sequence;
        var fresh = events.Where(e => e.Sequence > last).ToList();
        if (fresh.Count > 0)
        {
            stored.AddRange(fresh);
            await chunk.WriteStateAsync();
        }

        return stored.Count;
    }

    public Task<IReadOnlyList<DesignEvent>> ReadAsync(long afterSequence, int maxCount) =>
        Task.FromResult<IReadOnlyList<DesignEvent>>(
            chunk.State.Events.Where(e => e.Sequence > afterSequence).Take(maxCount).ToList());

    public Task<int> CountAsync() => Task.FromResult(chunk.State.Events.Count);

    public async Task ClearAsync()
    {
        await chunk.ClearStateAsync();
        DeactivateOnIdle();
    }
}
