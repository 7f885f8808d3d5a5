using Carlos.Contracts.Documents;
using Carlos.Contracts.Identity;
using Carlos.Grains.Documents.Extraction;
using Carlos.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Carlos.Grains.Documents;

/// <summary>
/// One document. Its bytes arrive in chunks stored in chunk grains; once complete, extraction runs in the grain's
/// background (itself off the scheduler, under a time limit), so no call waits on it. A reminder brings an
/// unfinished extraction back on another silo if this one is lost. The bytes are dropped once the text is kept.
/// </summary>
internal sealed partial class DocumentGrain(
    [PersistentState("document", StorageNames.Default)] IPersistentState<DocumentState> store,
    DocumentExtractor extractor,
    DocumentMetrics metrics,
    IOptions<DocumentOptions> options,
    TimeProvider time,
    ILogger<DocumentGrain> logger)
    : Grain, IDocumentGrain, IRemindable
{
    private const string ExtractReminder = "extract";
    private static readonly TimeSpan ExtractPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(20);

    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _cancellation;
    private Task? _run;
    private int _receivedChunks;
    private long _receivedBytes;
    private DateTimeOffset _lastChunkAt;

    private DocumentState State => store.State;

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!store.RecordExists)
        {
            return;
        }

        if (!State.Uploaded)
        {
            // The activation that received this upload is gone, and with it the count of chunks: start over.
            await DropAsync();
        }
        else if (!IsFinished)
        {
            LogResumed(logger, Id);
            Launch();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_run is { } run)
        {
            // Abandoned, not failed: the reminder starts the extraction again on another activation.
            await _cancellation!.CancelAsync();
            await run.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Current);
        }
    }

    public async Task<bool> BeginUploadAsync(Caller caller, string fileName, DocumentKind kind)
    {
        if (store.RecordExists)
        {
            return false;
        }

        var now = time.GetUtcNow();
        store.State = new DocumentState
        {
            Owner = caller.AsOwner(), FileName = FileNames.Sanitize(fileName), Kind = kind,
            Status = DocumentStatus.Pending, CreatedAt = now, UpdatedAt = now, ChunksStored = true,
        };
        await store.WriteStateAsync();
        _lastChunkAt = now;
        return true;
    }

    public async Task<bool> AppendChunkAsync(Caller caller, int index, byte[] data)
    {
        if (!IsUploading(caller) || index != _receivedChunks || data.Length is 0 or > IDocumentGrain.ChunkBytes
            || _receivedBytes + data.Length > options.Value.MaxUploadBytes)
        {
            return false;
        }

        await Chunk(index).WriteAsync(data);
        _receivedChunks++;
        _receivedBytes += data.Length;
        _lastChunkAt = time.GetUtcNow();
        return true;
    }

    public async Task<DocumentSnapshot?> CompleteUploadAsync(Caller caller, long sizeBytes)
    {
        if (!IsUploading(caller) || sizeBytes != _receivedBytes || _receivedChunks == 0)
        {
            return null;
        }

        State.ChunkCount = _receivedChunks;
        State.SizeBytes = _receivedBytes;
        State.Uploaded = true;
        await ChangedAsync();
        await this.RegisterOrUpdateReminder(ExtractReminder, ExtractPeriod, ExtractPeriod);

        LogStored(logger, Id, caller.TenantId, State.Kind, State.SizeBytes);
        metrics.Stored(State.Kind, State.SizeBytes);
        var stored = Snapshot(includeText: false);
        Launch();
        return stored;
    }

    public async Task AbandonUploadAsync(Caller caller)
    {
        if (IsUploading(caller))
        {
            await DropAsync();
        }
    }

    public async Task<DocumentSnapshot?> GetAsync(Caller caller, bool includeText)
    {
        if (store.RecordExists && !State.Uploaded && time.GetUtcNow() - _lastChunkAt > options.Value.UploadIdleTimeout)
        {
            await DropAsync();
        }

        return Visible(caller) ? Snapshot(includeText) : null;
    }

    public async Task<DocumentSnapshot?> WaitForChangeAsync(Caller caller, long afterVersion, TimeSpan maxWait)
    {
        if (!Visible(caller))
        {
            return null;
        }

        if (State.Version <= afterVersion && !IsFinished)
        {
            var wait = maxWait < TimeSpan.Zero || maxWait > LongestWait ? LongestWait : maxWait;
            await Task.WhenAny(_changed.Task, Task.Delay(wait, time));
        }

        return Visible(caller) ? Snapshot(includeText: false) : null;
    }

    public async Task<bool> DeleteAsync(Caller caller)
    {
        if (!Visible(caller))
        {
            return false;
        }

        if (_run is { } run)
        {
            await _cancellation!.CancelAsync();
            await run;
        }

        var owner = State.Owner!;
        await DropAsync();
        await UnregisterExtractAsync();
        await GrainFactory.GetGrain<IDocumentLibraryWriter>(owner.TenantId).RemoveAsync(Id);
        LogDeleted(logger, Id, owner.TenantId);
        return true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!store.RecordExists || IsFinished)
        {
            await UnregisterExtractAsync();
        }
        else if (State.Uploaded && _run is null)
        {
            Launch();
        }
    }

    private bool IsFinished => State.Status is DocumentStatus.Completed or DocumentStatus.Failed;

    private bool Visible(Caller caller) => store.RecordExists && caller.CanAccess(State.Owner!);

    private bool IsUploading(Caller caller) => Visible(caller) && !State.Uploaded;

    private void Launch()
    {
        _cancellation = new CancellationTokenSource();
        _run = RunAsync(_cancellation.Token);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            State.Status = DocumentStatus.Processing;
            await ChangedAsync();

            var (result, error) = await ExtractAsync(cancellationToken);

            // Applied together and followed by the version bump with no await between, so that no interleaved
            // status reader sees the new status under the old version.
            State.Status = result is null ? DocumentStatus.Failed : DocumentStatus.Completed;
            State.Text = result?.Text;
            State.Pages = result?.Pages;
            State.Truncated = result?.Truncated ?? false;
            State.Error = error;
            State.CompletedAt = time.GetUtcNow();
            await ChangedAsync();

            // Only once the outcome is stored: a silo lost before then resumes from chunks still there.
            await ClearChunksAsync();
            await UnregisterExtractAsync();
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Deleted, or the activation is going away: nothing is recorded, and the reminder resumes it on another
            // activation.
        }
        catch (ChunkUnavailableException unavailable)
        {
            // The stored file could not be read (its silo stopping, or storage away). That says nothing about the
            // file: it stays processing, and the reminder tries again.
            LogChunkUnavailable(logger, unavailable.InnerException!, Id, unavailable.Index);
        }
        finally
        {
            _run = null;
        }
    }

    /// <summary>The text, or the reason it could not be had; cancellation alone propagates.</summary>
    private async Task<(ExtractedText? Result, string? Error)> ExtractAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            var result = await extractor.ExtractAsync(State.Kind, State.FileName, State.ChunkCount,
                ReadChunkAsync, cancellationToken);
            var elapsed = time.GetElapsedTime(started);
            LogExtracted(logger, Id, State.Kind, result.Pages ?? 0, result.Text.Length, (long)elapsed.TotalMilliseconds);
            metrics.Extracted(State.Kind, DocumentStatus.Completed, elapsed);
            return (result, null);
        }
        catch (DocumentRejectedException rejected) when (!cancellationToken.IsCancellationRequested)
        {
            LogRejected(logger, Id, State.Kind, rejected.Message);
            metrics.Extracted(State.Kind, DocumentStatus.Failed, time.GetElapsedTime(started));
            return (null, rejected.Message);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not ChunkUnavailableException)
        {
            LogFailed(logger, ex, Id);
            metrics.Extracted(State.Kind, DocumentStatus.Failed, time.GetElapsedTime(started));
            return (null, "The document could not be read because of an internal error.");
        }
    }

    /// <summary>
    /// Records a status change: a new version in storage, then waiting streams and the library learn it.
    /// </summary>
    private async Task ChangedAsync()
    {
        State.Version++;
        State.UpdatedAt = time.GetUtcNow();
        await store.WriteStateAsync();
        Signal();

        try
        {
            await GrainFactory.GetGrain<IDocumentLibraryWriter>(State.Owner!.TenantId)
                .UpsertAsync(State.Owner, Snapshot(includeText: false));
        }
        catch (Exception ex)
        {
            LogLibraryFailed(logger, ex, Id);
        }
    }

    private void Signal()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    /// <summary>Forgets the document entirely: its chunks, then its state.</summary>
    private async Task DropAsync()
    {
        await ClearChunksAsync();
        await store.ClearStateAsync();
        store.State = new DocumentState();
        _receivedChunks = 0;
        _receivedBytes = 0;
        Signal();
    }

    private async Task ClearChunksAsync()
    {
        if (!State.ChunksStored)
        {
            return;
        }

        // During an upload the count lives only in memory; probing past it covers a count that was lost.
        var index = 0;
        for (; index < Math.Max(State.ChunkCount, _receivedChunks); index++)
        {
            await Chunk(index).ClearAsync();
        }

        while (await Chunk(index).ClearAsync())
        {
            index++;
        }

        State.ChunksStored = false;
    }

    private async Task UnregisterExtractAsync()
    {
        if (await this.GetReminder(ExtractReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private IDocumentChunkGrain Chunk(int index) =>
        GrainFactory.GetGrain<IDocumentChunkGrain>(DocumentChunkGrain.Key(Id, index));

    private async Task<byte[]> ReadChunkAsync(int index)
    {
        try
        {
            return await Chunk(index).ReadAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ChunkUnavailableException(index, ex);
        }
    }

    /// <summary>A stored chunk of the file could not be read: a fault of the cluster, not of the file.</summary>
    private sealed class ChunkUnavailableException(int index, Exception inner)
        : Exception($"Chunk {index} of the document could not be read.", inner)
    {
        public int Index { get; } = index;
    }

    private DocumentSnapshot Snapshot(bool includeText) => new()
    {
        Id = Id,
        Status = State.Status,
        FileName = State.FileName,
        Kind = State.Kind,
        SizeBytes = State.Uploaded ? State.SizeBytes : _receivedBytes,
        Pages = State.Pages,
        Characters = State.Text?.Length,
        Truncated = State.Truncated,
        Text = includeText ? State.Text : null,
        Error = State.Error,
        Version = State.Version,
        CreatedAt = State.CreatedAt,
        UpdatedAt = State.UpdatedAt,
        CompletedAt = State.CompletedAt,
    };
}
