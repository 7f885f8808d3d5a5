using Carlos.Contracts.Designs;
using Carlos.Contracts.Identity;
using Carlos.Contracts.Workspace;
using Carlos.Grains.Hosting;

namespace Carlos.Grains.Workspace;

/// <summary>
/// The deployment record of one design (key: the design id). Every call asks the design whether the caller may see
/// it, so the record follows the design's owner and disappears with it.
/// </summary>
[GrainType("carlos.deployment-feedback")]
internal sealed class DeploymentFeedbackGrain(
    [PersistentState("deployment", StorageNames.Default)] IPersistentState<DeploymentFeedbackState> store,
    TimeProvider time)
    : Grain, IDeploymentFeedbackGrain, IDeploymentFeedbackWriter
{
    private Guid DesignId => this.GetPrimaryKey();

    public async Task<DeploymentRecord?> SaveAsync(Caller caller, DeploymentFeedback feedback)
    {
        if (await DesignOf(caller) is not { } design)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var record = new DeploymentRecord
        {
            DesignId = DesignId,
            Deployed = feedback.Deployed,
            DeploymentDate = feedback.DeploymentDate,
            CloudProvider = feedback.CloudProvider,
            Environment = feedback.Environment,
            Success = feedback.Deployed ? feedback.Success : null,
            IssuesEncountered = feedback.IssuesEncountered,
            ModificationsMade = feedback.ModificationsMade,
            SatisfactionRating = feedback.SatisfactionRating,
            CreatedAt = store.State.Record?.CreatedAt ?? now,
            UpdatedAt = now,
        };
        store.State.TenantId = caller.TenantId;
        store.State.Record = record;
        await store.WriteStateAsync();
        await GrainFactory.GetGrain<IDeploymentAnalyticsWriter>(caller.TenantId)
            .RecordAsync(DesignId, design.Scenario, record);
        return record;
    }

    public async Task<DeploymentRecord?> GetAsync(Caller caller) =>
        store.State.Record is { } record && await DesignOf(caller) is not null ? record : null;

    public async Task ForgetAsync()
    {
        if (store.RecordExists)
        {
            await store.ClearStateAsync();
        }

        DeactivateOnIdle();
    }

    private Task<DesignListItem?> DesignOf(Caller caller) =>
        GrainFactory.GetGrain<IDesignWorkflowGrain>(DesignId).GetListItemAsync(caller);
}

/// <summary>A design's deployment record and its tenant.</summary>
[GenerateSerializer]
[Alias("Carlos.DeploymentFeedbackState")]
public sealed class DeploymentFeedbackState
{
    [Id(0)] public string? TenantId { get; set; }

    [Id(1)] public DeploymentRecord? Record { get; set; }
}
