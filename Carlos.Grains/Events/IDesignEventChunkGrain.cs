using Carlos.Contracts.Designs;

namespace Carlos.Grains.Events;

/// <summary>
/// A fixed-size slice of one design's event log, persisted on its own so that appending events writes only the
/// slice they fall in, not the whole log. Internal to the silo: gateways read events through the workflow grain,
/// which checks who is asking. Key: <c>{designId:N}/{index}</c>.
/// </summary>
[Alias("Carlos.IDesignEventChunkGrain")]
public interface IDesignEventChunkGrain : IGrainWithStringKey
{
    /// <summary>Appends events whose sequence numbers follow the stored ones; repeats are ignored.</summary>
    [Alias("Append")]
    Task<int> AppendAsync(IReadOnlyList<DesignEvent> events);

    [Alias("Read")]
    Task<IReadOnlyList<DesignEvent>> ReadAsync(long afterSequence, int maxCount);

    [Alias("Count")]
    Task<int> CountAsync();

    /// <summary>Removes the chunk's events from storage, when their design is deleted.</summary>
    [Alias("Clear")]
    Task ClearAsync();
}
