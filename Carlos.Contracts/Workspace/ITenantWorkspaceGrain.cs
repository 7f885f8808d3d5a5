using Carlos.Contracts.Identity;

namespace Carlos.Contracts.Workspace;

/// <summary>
/// One tenant's workspace, keyed by the tenant id: which users have designs, the retention sweep (a reminder) that
/// deletes designs, their events and documents older than the plan allows, and the deletion of all the tenant's data.
/// </summary>
[Alias("Carlos.ITenantWorkspaceGrain")]
public interface ITenantWorkspaceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts deleting every design, event, document, custom agent, deployment record and figure of the tenant, in
    /// the background; false when the caller is not an admin of this tenant.
    /// </summary>
    [Alias("DeleteAll")]
    Task<bool> DeleteAllAsync(Caller caller);

    /// <summary>Whether a deletion of all the tenant's data is still in progress.</summary>
    [Alias("IsDeleting")]
    Task<bool> IsDeletingAsync(Caller caller);
}
