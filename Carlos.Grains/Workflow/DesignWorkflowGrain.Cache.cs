using Carlos.Contracts.Cache;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Carlos.Contracts.Serialization;
using Carlos.Grains.Cache;
using Carlos.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Carlos.Grains.Workflow;

/// <summary>
/// The design cache's part of a design: a cacheable request is looked up before any step runs, and a hit completes
/// the design at once by replaying the cached steps' events; a cacheable design that completes cleanly is stored.
/// </summary>
internal sealed partial class DesignWorkflowGrain
{
    private DesignCache Cache => ServiceProvider.GetRequiredService<DesignCache>();

    /// <summary>
    /// Chooses the design's cache entry and looks it up. True when the design was answered from the cache and has
    /// completed; false when it is to run (a miss, a bypass, or a request the cache does not take).
    /// </summary>
    private async Task<bool> TryAnswerFromCacheAsync()
    {
        var cache = Cache;
        var request = State.Request!;
        if (!cache.Options.Enabled || DesignCacheEligibility.ForRequest(request, State.Lessons.Count) is not null)
        {
            return false;
        }

        CachedDesign? cached;
        try
        {
            var tenant = GrainFactory.GetGrain<ITenantDesignCacheGrain>(State.Owner!.TenantId);
            State.CacheKey = cache.EntryKey(State.Owner.TenantId, await tenant.UsesSharedScopeAsync(), request);
            if (request.BypassCache)
            {
                return false;
            }

            cached = await GrainFactory.GetGrain<IDesignCacheEntryGrain>(State.CacheKey).GetAsync();
            await tenant.RecordLookupAsync(cached is not null, cached?.Usage.TotalTokens ?? 0);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The cache only saves work: when it cannot answer, the design runs as if it had missed.
            LogLookupFailed(logger, ex, Id);
            return false;
        }

        var scope = DesignCacheKey.ScopeOf(State.CacheKey);
        if (cached is null)
        {
            cache.Metrics.Missed(scope);
            return false;
        }

        cache.Metrics.Hit(scope, cached.Usage.TotalTokens);
        await CompleteFromCacheAsync(cached, scope);
        return true;
    }

    /// <summary>
    /// A deleted design takes its copy in the cache with it: the entry its key names is removed if this design may
    /// have written it. A later design with the same key may have written it since; it then just misses once.
    /// </summary>
    private async Task ForgetCachedCopyAsync()
    {
        if (State.CacheKey is { } key && State.CacheHit is null && State.Status == DesignStatus.Completed)
        {
            var tenant = State.Owner!.TenantId;
            await GrainFactory.GetGrain<IDesignCacheEntryGrain>(key).ClearAsync(tenant);
            await GrainFactory.GetGrain<ITenantDesignCacheGrain>(tenant).ForgetEntryAsync(key);
        }
    }

    /// <summary>
    /// Completes the design from the cached one: its own id, owner and events, the cached steps' events in the
    /// order they started, and no model call. The design costs the tenant no tokens.
    /// </summary>
    private async Task CompleteFromCacheAsync(CachedDesign cached, DesignCacheScope scope)
    {
        var now = time.GetUtcNow();
        LogStarted(logger, Id, State.Owner!.TenantId, State.Request!.Settings.Scenario);
        CarlosMetrics.DesignStarted(State.Request.Settings.Scenario);
        Append(DesignEventType.CacheHit, e => e with
        {
            Status = DesignStatus.Running, DesignId = Id,
            Text = $"Answered from the design cache: the same requirements and settings were designed at " +
                $"{cached.CachedAt:u}, saving {cached.Usage.TotalTokens} model tokens.",
        });

        foreach (var step in cached.Steps)
        {
            State.Steps[step.Outcome.Step] = step with
            {
                Outcome = step.Outcome with { StartedAt = now, CompletedAt = now, Usage = TokenUsage.Zero },
            };
            Replay(step);
        }

        Append(DesignEventType.Completed, e => e with
        {
            Status = DesignStatus.Completed, Text = "The design ended completed, answered from the design cache.",
        });
        State.Status = DesignStatus.Completed;
        State.CompletedAt = now;
        State.CacheHit = new DesignCacheHit(cached.CachedAt, cached.ExpiresAt, cached.Usage.TotalTokens, scope);
        await _journal.FlushAsync();
        await WriteAsync();
        await JoinWorkspaceAsync(); // a hit is in the owner's history and the tenant's analytics like any design
        LogFinished(logger, Id, DesignStatus.Completed, 0);
        CarlosMetrics.DesignFinished(CarlosJson.WireName(DesignStatus.Completed));
    }

    /// <summary>A cached step's events as its run emitted them, without the streamed tokens.</summary>
    private void Replay(StepRecord step)
    {
        var (agent, id, round, result) = (step.Outcome.Agent, step.Outcome.Step, step.Outcome.Round, step.Result);
        var candidate = step.Outcome.Candidate;
        Append(DesignEventType.AgentStarted, e => e with
        {
            Agent = agent, Step = id, Round = round, Candidate = candidate,
        });
        Append(DesignEventType.AgentCompleted, e => e with
        {
            Agent = agent, Step = id, Round = round, Output = result.Text, Candidate = candidate,
        });
        AppendVerdicts(step.Outcome, result);
    }

    /// <summary>
    /// Stores a design that is about to end with <paramref name="status"/> in its cache entry, when the rules allow
    /// it. It runs before the terminal event, so a client that has seen <c>completed</c> finds the entry. Its steps
    /// are already stored; a failure here only costs a later hit, so it is logged rather than failing the design.
    /// </summary>
    private async Task OfferToCacheAsync(DesignStatus status)
    {
        if (State.CacheKey is not { } key || !Cache.Options.Enabled
            || DesignCacheEligibility.ForResult(State, status) is not null)
        {
            return;
        }

        try
        {
            var steps = State.Steps.Values
                .OrderBy(s => s.Outcome.StartedAt).ThenBy(s => s.Outcome.CompletedAt).ToList();
            var design = new CachedDesign(steps, State.Usage, State.Model, default, default);
            var tenantId = State.Owner!.TenantId;
            var expiresAt = await GrainFactory.GetGrain<IDesignCacheEntryGrain>(key).PutAsync(design, tenantId);
            await GrainFactory.GetGrain<ITenantDesignCacheGrain>(tenantId).AddEntryAsync(key, expiresAt);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotCached(logger, ex, Id);
        }
    }

    [LoggerMessage(EventId = 2083, Level = LogLevel.Warning,
        Message = "Design {DesignId}: the design cache could not be read; the design runs its agents")]
    private static partial void LogLookupFailed(ILogger logger, Exception exception, Guid designId);

    [LoggerMessage(EventId = 2080, Level = LogLevel.Warning,
        Message = "Design {DesignId} completed but could not be stored in the design cache")]
    private static partial void LogNotCached(ILogger logger, Exception exception, Guid designId);
}
