using Carlos.Contracts.Designs;
using Microsoft.Extensions.Logging;

namespace Carlos.Grains.Events;

/// <summary>
/// A design's event log as the workflow grain writes it. Events get their sequence numbers when appended, are
/// persisted in order into chunk grains, and only then handed to subscribers, so every event a client has seen is
/// stored and no sequence number is ever given out twice. Runs on the owning grain's scheduler; not thread-safe.
/// </summary>
internal sealed partial class DesignEventJournal(
    Guid designId, IGrainFactory grains, Action<IReadOnlyList<DesignEvent>> publish, ILogger logger)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly List<DesignEvent> _pending = [];
    private Task? _flushing;

    /// <summary>The sequence number of the last event appended (persisted or not).</summary>
    public long LastSequence { get; private set; }

    /// <summary>The sequence number of the last event known to be stored.</summary>
    public long PersistedSequence { get; private set; }

    /// <summary>Finds where the stored log ends, starting from a count known to be stored; returns its last event.</summary>
    public async Task<DesignEvent?> RecoverAsync(long knownPersisted)
    {
        var index = Math.Max(0, knownPersisted) / DesignEventChunk.Size;
        while (true)
        {
            var count = await Chunk(index).CountAsync();
            if (count < DesignEventChunk.Size)
            {
                PersistedSequence = LastSequence = index * DesignEventChunk.Size + count;
                if (PersistedSequence == 0)
                {
                    return null;
                }

                var last = await Chunk((PersistedSequence - 1) / DesignEventChunk.Size).ReadAsync(PersistedSequence - 1, 1);
                return last.Count == 1 ? last[0] : null;
            }

            index++;
        }
    }

    public DesignEvent Append(DesignEvent draft)
    {
        var numbered = draft with { Sequence = ++LastSequence };
        _pending.Add(numbered);
        _flushing ??= FlushLoopAsync();
        return numbered;
    }

    /// <summary>Completes when every event appended so far is stored and published.</summary>
    public async Task FlushAsync()
    {
        while (_flushing is { } flushing)
        {
            await flushing;
        }
    }

    public async Task<IReadOnlyList<DesignEvent>> ReadAsync(long afterSequence, int maxCount)
    {
        var events = new List<DesignEvent>();
        var next = Math.Max(0, afterSequence);
        while (events.Count < maxCount && next < PersistedSequence)
        {
            var page = await Chunk(next / DesignEventChunk.Size).ReadAsync(next, maxCount - events.Count);
            if (page.Count == 0)
            {
                break;
            }

            events.AddRange(page);
            next = page[^1].Sequence;
        }

        return events;
    }

    private async Task FlushLoopAsync()
    {
        try
        {
            while (_pending.Count > 0)
            {
                var batch = _pending.ToList();
                try
                {
                    await PersistAsync(batch);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPersistFailed(logger, ex, designId, batch.Count);
                    await Task.Delay(RetryDelay);
                    continue;
                }

                _pending.RemoveRange(0, batch.Count);
                PersistedSequence = batch[^1].Sequence;
                publish(batch);
            }
        }
        finally
        {
            _flushing = null;
        }
    }

    private async Task PersistAsync(IReadOnlyList<DesignEvent> batch)
    {
        foreach (var group in batch.GroupBy(e => (e.Sequence - 1) / DesignEventChunk.Size))
        {
            await Chunk(group.Key).AppendAsync(group.ToList());
        }
    }

    private IDesignEventChunkGrain Chunk(long index) =>
        grains.GetGrain<IDesignEventChunkGrain>(DesignEventChunkGrain.Key(designId, index));

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning,
        Message = "Storing {Count} events of design {DesignId} failed; retrying")]
    private static partial void LogPersistFailed(ILogger logger, Exception exception, Guid designId, int count);
}
