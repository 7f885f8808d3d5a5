using Carlos.Contracts.Designs;
using Carlos.Contracts.Identity;
using Carlos.Contracts.Workspace;
using Carlos.Grains.Events;
using Carlos.Grains.Workspace;
using Microsoft.Extensions.Logging;

namespace Carlos.Grains.Workflow;

/// <summary>
/// The design's place in its tenant's workspace: its custom agents and lessons, its entry in the owner's design
/// index, its share of the tenant's figures, and its deletion.
/// </summary>
internal sealed partial class DesignWorkflowGrain
{
    public Task<DesignListItem?> GetListItemAsync(Caller caller) =>
        Task.FromResult(Visible(caller) ? ListItem() : null);

    public async Task<bool> DeleteAsync(Caller caller)
    {
        if (!Visible(caller))
        {
            return false;
        }

        if (!State.Status.IsTerminal())
        {
            await StopRunAsync();
            if (!State.Status.IsTerminal())
            {
                await FinishAsync(DesignStatus.Cancelled, error: null);
            }
        }

        _expiryTimer?.Dispose();
        await _journal.FlushAsync();
        var owner = State.Owner!;
        var chunks = (_journal.PersistedSequence + DesignEventChunk.Size - 1) / DesignEventChunk.Size;
        for (var index = 0L; index < chunks; index++)
        {
            await GrainFactory.GetGrain<IDesignEventChunkGrain>(DesignEventChunkGrain.Key(Id, index)).ClearAsync();
        }

        await GrainFactory.GetGrain<IDeploymentFeedbackWriter>(Id).ForgetAsync();
        await ForgetCachedCopyAsync();
        await UnregisterResumeAsync();
        await store.ClearStateAsync();
        await GrainFactory.GetGrain<IDesignIndexWriter>(IDesignIndexGrain.KeyOf(owner.TenantId, owner.UserId))
            .RemoveAsync(Id);
        await GrainFactory.GetGrain<IDeploymentAnalyticsWriter>(owner.TenantId).DesignRemovedAsync(Id);
        LogDeleted(logger, Id, owner.TenantId, chunks);
        DeactivateOnIdle();
        return true;
    }

    /// <summary>
    /// Takes the custom agents the request names, as defined now, and the tenant's lessons so far; returns why the
    /// design cannot start when an agent no longer exists.
    /// </summary>
    private async Task<string?> PrepareWorkspaceAsync(Caller caller, DesignRequest request)
    {
        if (request.CustomAgentIds.Count > 0)
        {
            var agents = await GrainFactory.GetGrain<ICustomAgentsGrain>(caller.TenantId)
                .ResolveAsync(caller, request.CustomAgentIds);
            State.CustomAgents = agents.ToList();
            if (agents.Count < request.CustomAgentIds.Distinct().Count())
            {
                return "A custom agent the design names no longer exists.";
            }
        }

        try
        {
            State.Lessons = (await GrainFactory.GetGrain<IDeploymentAnalyticsGrain>(caller.TenantId)
                .LessonsAsync(caller)).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWorkspaceUnavailable(logger, ex, Id); // the design runs without lessons rather than not at all
        }

        return null;
    }

    /// <summary>
    /// Files a new design in its owner's index and its tenant's figures. The design is already stored; if the
    /// workspace cannot be reached, the design still runs: its index entry comes with its next status change, and its
    /// figures count it once it has a deployment record. Retention only sees users registered here.
    /// </summary>
    private async Task JoinWorkspaceAsync()
    {
        var owner = State.Owner!;
        try
        {
            await GrainFactory.GetGrain<ITenantWorkspaceWriter>(owner.TenantId).RegisterUserAsync(owner.UserId);
            await GrainFactory.GetGrain<IDeploymentAnalyticsWriter>(owner.TenantId)
                .DesignStartedAsync(Id, State.Request!.Settings.Scenario);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWorkspaceUnavailable(logger, ex, Id);
        }

        await IndexAsync();
    }

    /// <summary>
    /// Brings the owner's index up to date with the status. The design's own state is already stored; a failure here
    /// leaves the list showing the previous status until the next change, which is logged rather than failing the
    /// design.
    /// </summary>
    private async Task IndexAsync()
    {
        if (!store.RecordExists || State.Owner is not { } owner)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IDesignIndexWriter>(IDesignIndexGrain.KeyOf(owner.TenantId, owner.UserId))
                .UpsertAsync(owner, ListItem());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogIndexFailed(logger, ex, Id);
        }
    }

    private DesignListItem ListItem() => new(Id, State.Status, State.CreatedAt, State.UpdatedAt,
        State.Request!.Settings.Scenario, DesignListItem.TitleOf(State.Request.Requirements));

    [LoggerMessage(EventId = 2905, Level = LogLevel.Warning, Message = "The design index of design {DesignId} was not updated")]
    private static partial void LogIndexFailed(ILogger logger, Exception exception, Guid designId);

    [LoggerMessage(EventId = 2907, Level = LogLevel.Warning,
        Message = "The workspace of design {DesignId} could not be reached; the design runs on without it")]
    private static partial void LogWorkspaceUnavailable(ILogger logger, Exception exception, Guid designId);

    [LoggerMessage(EventId = 2906, Level = LogLevel.Information,
        Message = "Design {DesignId} of tenant {TenantId} deleted with {Chunks} event chunks")]
    private static partial void LogDeleted(ILogger logger, Guid designId, string tenantId, long chunks);
}
