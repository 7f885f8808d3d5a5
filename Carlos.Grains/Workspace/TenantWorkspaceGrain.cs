using Carlos.Contracts.Cache;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Documents;
using Carlos.Contracts.Identity;
using Carlos.Contracts.Tenants;
using Carlos.Contracts.Workspace;
using Carlos.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Carlos.Grains.Workspace;

/// <summary>
/// One tenant's workspace (key: the tenant id). It knows which users have designs, runs the retention sweep on a
/// reminder, and deletes all of the tenant's data on request. A deletion in progress is stored, so one interrupted by
/// a silo's loss goes on when the grain next wakes (the reminder wakes it).
/// </summary>
[GrainType("carlos.tenant-workspace")]
internal sealed partial class TenantWorkspaceGrain(
    [PersistentState("workspace", StorageNames.Default)] IPersistentState<TenantWorkspaceState> store,
    IOptions<WorkspaceOptions> options,
    TimeProvider time,
    ILogger<TenantWorkspaceGrain> logger)
    : Grain, ITenantWorkspaceGrain, ITenantWorkspaceWriter, IRemindable
{
    private const string SweepReminder = "retention";

    /// <summary>The user every retention and tenant deletion acts as: an admin of the tenant.</summary>
    public const string SystemUser = "carlos-workspace";

    private Task? _purge;

    private string Tenant => this.GetPrimaryKeyString();

    private Caller System => new(Tenant, SystemUser, CallerRole.TenantAdmin);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (store.State.Deleting)
        {
            _purge = PurgeAsync();
        }

        return Task.CompletedTask;
    }

    public async Task RegisterUserAsync(string userId)
    {
        if (!store.State.Users.Add(userId) && store.State.SweepScheduled)
        {
            return;
        }

        if (!store.State.SweepScheduled)
        {
            var every = options.Value.RetentionSweepInterval;
            await this.RegisterOrUpdateReminder(SweepReminder, every, every);
            store.State.SweepScheduled = true;
        }

        await store.WriteStateAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        try
        {
            await SweepAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSweepFailed(logger, ex, Tenant);
        }
    }

    public async Task<int> SweepAsync()
    {
        var plan = (await GrainFactory.GetGrain<ITenantGrain>(Tenant).GetAsync())?.Plan;
        var retention = options.Value.RetentionFor(plan);
        var cutoff = time.GetUtcNow() - retention;

        var designs = 0;
        foreach (var user in store.State.Users.ToList())
        {
            var index = GrainFactory.GetGrain<IDesignIndexWriter>(IDesignIndexGrain.KeyOf(Tenant, user));
            foreach (var id in await index.CreatedBeforeAsync(cutoff))
            {
                designs += await GrainFactory.GetGrain<IDesignWorkflowGrain>(id).DeleteAsync(System) ? 1 : 0;
                await index.RemoveAsync(id); // also for a design whose state was already gone
            }
        }

        var documents = await DeleteDocumentsAsync(cutoff);
        if (designs + documents > 0)
        {
            LogSwept(logger, Tenant, designs, documents, retention.TotalDays);
        }

        return designs;
    }

    public Task<bool> DeleteAllAsync(Caller caller)
    {
        if (!IsAdmin(caller))
        {
            return Task.FromResult(false);
        }

        if (_purge is null)
        {
            store.State.Deleting = true;
            _purge = StartPurgeAsync();
        }

        return Task.FromResult(true);
    }

    public Task<bool> IsDeletingAsync(Caller caller) => Task.FromResult(IsAdmin(caller) && _purge is not null);

    private bool IsAdmin(Caller caller) =>
        caller.Role == CallerRole.TenantAdmin && string.Equals(caller.TenantId, Tenant, StringComparison.Ordinal);

    private async Task StartPurgeAsync()
    {
        await store.WriteStateAsync();
        await PurgeAsync();
    }

    private async Task PurgeAsync()
    {
        try
        {
            LogDeletingTenant(logger, Tenant);
            foreach (var user in store.State.Users.ToList())
            {
                var index = GrainFactory.GetGrain<IDesignIndexWriter>(IDesignIndexGrain.KeyOf(Tenant, user));
                foreach (var id in await index.CreatedBeforeAsync(DateTimeOffset.MaxValue))
                {
                    await GrainFactory.GetGrain<IDesignWorkflowGrain>(id).DeleteAsync(System);
                }

                await index.ClearAsync();
            }

            await DeleteDocumentsAsync(DateTimeOffset.MaxValue);
            await GrainFactory.GetGrain<ICustomAgentsWriter>(Tenant).ClearAsync();
            await GrainFactory.GetGrain<IDeploymentAnalyticsWriter>(Tenant).ClearAsync();
            await GrainFactory.GetGrain<ITenantDesignCacheGrain>(Tenant).ClearAsync(System);
            store.State.Users.Clear();
            store.State.Deleting = false;
            await store.WriteStateAsync();
            LogDeletedTenant(logger, Tenant);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSweepFailed(logger, ex, Tenant); // the stored flag makes the next activation try again
        }
        finally
        {
            _purge = null;
        }
    }

    private async Task<int> DeleteDocumentsAsync(DateTimeOffset cutoff)
    {
        var library = await GrainFactory.GetGrain<IDocumentLibraryGrain>(Tenant).ListAsync(System);
        var deleted = 0;
        foreach (var document in library.Where(d => d.CreatedAt < cutoff))
        {
            deleted += await GrainFactory.GetGrain<IDocumentGrain>(document.Id).DeleteAsync(System) ? 1 : 0;
        }

        return deleted;
    }

    [LoggerMessage(EventId = 2901, Level = LogLevel.Information,
        Message = "Retention deleted {Designs} designs and {Documents} documents of tenant {TenantId} ({Days} days)")]
    private static partial void LogSwept(ILogger logger, string tenantId, int designs, int documents, double days);

    [LoggerMessage(EventId = 2902, Level = LogLevel.Warning, Message = "Workspace clean-up of tenant {TenantId} failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception, string tenantId);

    [LoggerMessage(EventId = 2903, Level = LogLevel.Information, Message = "Deleting all data of tenant {TenantId}")]
    private static partial void LogDeletingTenant(ILogger logger, string tenantId);

    [LoggerMessage(EventId = 2904, Level = LogLevel.Information, Message = "Deleted all data of tenant {TenantId}")]
    private static partial void LogDeletedTenant(ILogger logger, string tenantId);
}

/// <summary>The users of a tenant who have designs, and whether a deletion of everything is under way.</summary>
[GenerateSerializer]
[Alias("Carlos.TenantWorkspaceState")]
public sealed class TenantWorkspaceState
{
    [Id(0)] public HashSet<string> Users { get; set; } = [];

    [Id(1)] public bool Deleting { get; set; }

    [Id(2)] public bool SweepScheduled { get; set; }
}
