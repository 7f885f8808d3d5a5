using Carlos.Contracts.Designs;
using Carlos.Contracts.Identity;
using Carlos.Contracts.Streams;
using Carlos.Gateway.Hosting;
using Carlos.Gateway.Http;
using Microsoft.Extensions.Options;

namespace Carlos.Gateway.Streaming;

/// <summary>
/// Serves one design's events to one HTTP client: first every stored event after the client's last one, then live
/// events from a grain observer. Live events are checked against the last sequence written, so a repeat is skipped
/// and a gap is filled from the stored log; idle periods get a heartbeat and a look at the log, which also covers a
/// subscription lost when the grain moved. The stream ends after the terminal event, or when the gateway shuts
/// down: then with a <c>retry</c> hint, so the client reconnects to another gateway from its last event.
/// </summary>
internal sealed partial class DesignEventStreamer(IGrainFactory grains, IOptions<StreamOptions> options,
    TimeProvider time, GatewayDrain drain, ILogger<DesignEventStreamer> logger)
{
    private const int PageSize = 500;

    public async Task StreamAsync(
        HttpContext http, Guid designId, Caller caller, long afterSequence, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var lease = new StreamLease(grains.GetGrain<IStreamLeaseGrain>($"{caller.TenantId}/{caller.UserId}"),
            settings.MaxOpenPerUser, settings.SubscriptionRefresh * 3);
        if (!await lease.RenewAsync())
        {
            await Problems.TooManyStreams(settings.MaxOpenPerUser).ExecuteAsync(http);
            return;
        }

        var grain = grains.GetGrain<IDesignWorkflowGrain>(designId);
        var relay = new DesignEventRelay();
        var observer = grains.CreateObjectReference<IDesignObserver>(relay);
        using var serving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, drain.Stopping);
        SseWriter? writer = null;
        try
        {
            if (!await grain.SubscribeAsync(caller, observer))
            {
                await Problems.NotFound("design").ExecuteAsync(http);
                return;
            }

            SseWriter.Prepare(http.Response);
            writer = new SseWriter(http.Response);
            await writer.WriteRetryAsync(TimeSpan.FromSeconds(3), serving.Token);
            var cursor = new Cursor(afterSequence);

            if (!await CatchUpAsync(grain, caller, writer, cursor, serving.Token))
            {
                await FollowAsync(grain, caller, observer, lease, relay, writer, cursor, serving.Token);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (OperationCanceledException) when (drain.IsDraining && writer is not null)
        {
            LogClosedForShutdown(logger, designId);
            await writer.WriteRetryAsync(GatewayDrain.RetryAfter, cancellationToken);
        }
        finally
        {
            await UnsubscribeQuietlyAsync(grain, observer, lease);
            grains.DeleteObjectReference<IDesignObserver>(observer);
        }
    }

    private async Task FollowAsync(IDesignWorkflowGrain grain, Caller caller, IDesignObserver observer,
        StreamLease lease, DesignEventRelay relay, SseWriter writer, Cursor cursor, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var nextRefresh = time.GetUtcNow() + settings.SubscriptionRefresh;
        var wait = settings.HeartbeatInterval;
        var lost = false;
        while (true)
        {
            var live = await WaitForEventsAsync(relay, wait, cancellationToken);
            try
            {
                if (live ? await DrainAsync(grain, caller, relay, writer, cursor, cancellationToken)
                        : await IdleAsync(grain, caller, writer, cursor, cancellationToken))
                {
                    return;
                }

                if (lost || time.GetUtcNow() >= nextRefresh)
                {
                    await grain.SubscribeAsync(caller, observer);
                    await lease.RenewAsync();
                    nextRefresh = time.GetUtcNow() + settings.SubscriptionRefresh;
                }

                (lost, wait) = (false, settings.HeartbeatInterval);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not IOException)
            {
                // The design's silo went away; it resumes elsewhere, so keep the client and look again shortly.
                LogStreamInterrupted(logger, ex, cursor.Last);
                (lost, wait) = (true, RetryAfterLoss);
            }
        }
    }

    private static readonly TimeSpan RetryAfterLoss = TimeSpan.FromSeconds(1);

    /// <summary>Writes live events in order, filling any gap from the stored log; true after the terminal event.</summary>
    private static async Task<bool> DrainAsync(IDesignWorkflowGrain grain, Caller caller, DesignEventRelay relay,
        SseWriter writer, Cursor cursor, CancellationToken cancellationToken)
    {
        while (relay.Reader.TryRead(out var e))
        {
            if (e.Sequence <= cursor.Last)
            {
                continue;
            }

            var done = e.Sequence == cursor.Last + 1
                ? await WriteAsync(writer, cursor, e, cancellationToken)
                : await CatchUpAsync(grain, caller, writer, cursor, cancellationToken);
            if (done)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Keeps an idle stream open and looks at the stored log, which covers a lost subscription.</summary>
    private static async Task<bool> IdleAsync(
        IDesignWorkflowGrain grain, Caller caller, SseWriter writer, Cursor cursor, CancellationToken cancellationToken)
    {
        await writer.WriteHeartbeatAsync(cancellationToken);
        return await CatchUpAsync(grain, caller, writer, cursor, cancellationToken);
    }

    private async Task<bool> WaitForEventsAsync(DesignEventRelay relay, TimeSpan idle, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(idle, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await relay.Reader.WaitToReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Writes every stored event after the cursor; true when the terminal event was written.</summary>
    private static async Task<bool> CatchUpAsync(
        IDesignWorkflowGrain grain, Caller caller, SseWriter writer, Cursor cursor, CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await grain.GetEventsAsync(caller, cursor.Last, PageSize);
            if (page is null || page.Events.Count == 0)
            {
                return false;
            }

            foreach (var e in page.Events)
            {
                if (await WriteAsync(writer, cursor, e, cancellationToken))
                {
                    return true;
                }
            }
        }
    }

    private static async Task<bool> WriteAsync(SseWriter writer, Cursor cursor, DesignEvent e, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(e, cancellationToken);
        cursor.Last = e.Sequence;
        return e.IsTerminal;
    }

    private async Task UnsubscribeQuietlyAsync(IDesignWorkflowGrain grain, IDesignObserver observer, StreamLease lease)
    {
        try
        {
            await grain.UnsubscribeAsync(observer);
            await lease.ReleaseAsync();
        }
        catch (Exception ex)
        {
            // Subscription and lease expire by themselves; failing to end them early costs a little, for a while.
            LogUnsubscribeFailed(logger, ex);
        }
    }

    private sealed class StreamLease(IStreamLeaseGrain grain, int limit, TimeSpan ttl)
    {
        private readonly Guid _id = Guid.NewGuid();

        public Task<bool> RenewAsync() => grain.AcquireAsync(_id, limit, ttl);

        public Task ReleaseAsync() => grain.ReleaseAsync(_id);
    }

    private sealed class Cursor(long last)
    {
        public long Last { get; set; } = last;
    }

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning,
        Message = "An event stream lost its design after event {LastSequence}; retrying")]
    private static partial void LogStreamInterrupted(ILogger logger, Exception exception, long lastSequence);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Ending an event subscription failed")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information,
        Message = "Event stream of design {DesignId} closed for shutdown, with a reconnection hint")]
    private static partial void LogClosedForShutdown(ILogger logger, Guid designId);
}
