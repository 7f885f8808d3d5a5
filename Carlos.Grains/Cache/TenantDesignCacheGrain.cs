using Carlos.Contracts.Cache;
using Carlos.Contracts.Identity;
using Carlos.Grains.Hosting;
using Carlos.Grains.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Carlos.Grains.Cache;

/// <summary>
/// The tenant's side of the design cache (<see cref="ITenantDesignCacheGrain"/>). While active it sweeps its index
/// every <see cref="DesignCacheOptions.SweepInterval"/>; a reminder brings it back to sweep while it has entries, so
/// expired entries leave storage even when nobody asks for them.
/// </summary>
[GrainType("carlos.tenant-cache")]
internal sealed partial class TenantDesignCacheGrain(
    [PersistentState("cache", StorageNames.Default)] IPersistentState<TenantDesignCacheState> store,
    IdentitySeeds seeds,
    IOptions<DesignCacheOptions> options,
    [FromKeyedServices(DesignCacheOptions.ClockKey)] TimeProvider clock,
    ILogger<TenantDesignCacheGrain> logger)
    : Grain, ITenantDesignCacheGrain, IRemindable
{
    private const string SweepReminder = "cache-sweep";
    private static readonly TimeSpan ShortestReminderPeriod = TimeSpan.FromMinutes(1);

    private TenantDesignCacheState State => store.State;

    private string TenantId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var every = options.Value.SweepInterval;
        this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(every, every) { Interleave = false });
        if (State.Entries.Count > 0)
        {
            await KeepReminderAsync();
        }
    }

    public Task<bool> UsesSharedScopeAsync() => Task.FromResult(State.SharedScope ?? seeds.SharedCache(TenantId));

    public Task<TenantCacheSettings> GetSettingsAsync() => Task.FromResult(Settings());

    public async Task<TenantCacheSettings> SetSharedScopeAsync(bool? shared)
    {
        State.SharedScope = shared;
        await store.WriteStateAsync();
        return Settings();
    }

    public async Task RecordLookupAsync(bool hit, long tokensSaved)
    {
        if (hit)
        {
            State.Hits++;
            State.TokensSaved += tokensSaved;
        }
        else
        {
            State.Misses++;
        }

        await store.WriteStateAsync();
    }

    public async Task AddEntryAsync(string entryKey, DateTimeOffset expiresAt)
    {
        var first = State.Entries.Count == 0;
        State.Entries[entryKey] = expiresAt;
        await store.WriteStateAsync();
        if (first)
        {
            await KeepReminderAsync();
        }
    }

    public async Task ForgetEntryAsync(string entryKey)
    {
        if (State.Entries.Remove(entryKey))
        {
            await store.WriteStateAsync();
        }
    }

    public Task<DesignCacheStats?> GetStatsAsync(Caller caller)
    {
        if (caller.TenantId != TenantId)
        {
            return Task.FromResult<DesignCacheStats?>(null);
        }

        var now = clock.GetUtcNow();
        var lookups = State.Hits + State.Misses;
        return Task.FromResult<DesignCacheStats?>(new DesignCacheStats(State.Hits, State.Misses,
            lookups == 0 ? 0 : Math.Round((double)State.Hits / lookups, 4),
            State.Entries.Count(e => e.Value > now), State.TokensSaved));
    }

    public async Task<CacheClearOutcome> ClearAsync(Caller caller)
    {
        if (caller.TenantId != TenantId || caller.Role != CallerRole.TenantAdmin)
        {
            return CacheClearOutcome.Forbidden;
        }

        var keys = State.Entries.Keys.ToList();
        foreach (var batch in keys.Chunk(64))
        {
            await Task.WhenAll(batch.Select(k =>
                GrainFactory.GetGrain<IDesignCacheEntryGrain>(k).ClearAsync(TenantId)));
        }

        State.Entries.Clear();
        await store.WriteStateAsync();
        await DropReminderAsync();
        LogCleared(logger, TenantId, keys.Count);
        return CacheClearOutcome.Cleared;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => SweepAsync(CancellationToken.None);

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = State.Entries.Where(e => e.Value <= now).Select(e => e.Key).ToList();
        foreach (var key in due)
        {
            await GrainFactory.GetGrain<IDesignCacheEntryGrain>(key).ExpireAsync(TenantId);
            State.Entries.Remove(key);
        }

        if (due.Count > 0)
        {
            await store.WriteStateAsync();
            LogSwept(logger, TenantId, due.Count);
        }

        if (State.Entries.Count == 0)
        {
            await DropReminderAsync();
        }
    }

    private TenantCacheSettings Settings() => State.SharedScope is { } chosen
        ? new TenantCacheSettings(TenantId, chosen, "admin")
        : seeds.SharedCache(TenantId)
            ? new TenantCacheSettings(TenantId, true, "configuration")
            : new TenantCacheSettings(TenantId, false, "default");

    private Task KeepReminderAsync()
    {
        var every = options.Value.SweepInterval;
        var period = every < ShortestReminderPeriod ? ShortestReminderPeriod : every;
        return this.RegisterOrUpdateReminder(SweepReminder, period, period);
    }

    private async Task DropReminderAsync()
    {
        if (await this.GetReminder(SweepReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    [LoggerMessage(EventId = 2081, Level = LogLevel.Information,
        Message = "Design cache of tenant {TenantId} cleared: {Entries} entries removed")]
    private static partial void LogCleared(ILogger logger, string tenantId, int entries);

    [LoggerMessage(EventId = 2082, Level = LogLevel.Information,
        Message = "Design cache of tenant {TenantId}: {Entries} expired entries removed")]
    private static partial void LogSwept(ILogger logger, string tenantId, int entries);
}
