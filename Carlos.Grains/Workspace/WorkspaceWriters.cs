using Carlos.Contracts.Identity;
using Carlos.Contracts.Workspace;

namespace Carlos.Grains.Workspace;

/// <summary>How workflow grains keep a user's design index up to date. Internal to the silo.</summary>
[Alias("Carlos.IDesignIndexWriter")]
public interface IDesignIndexWriter : IGrainWithStringKey
{
    [Alias("Upsert")]
    Task UpsertAsync(ResourceOwner owner, DesignListItem item);

    [Alias("Remove")]
    Task RemoveAsync(Guid designId);

    /// <summary>The designs created before <paramref name="cutoff"/>.</summary>
    [Alias("CreatedBefore")]
    Task<IReadOnlyList<Guid>> CreatedBeforeAsync(DateTimeOffset cutoff);

    [Alias("Clear")]
    Task ClearAsync();
}

/// <summary>How designs and deployment records keep their tenant's figures up to date. Internal to the silo.</summary>
[Alias("Carlos.IDeploymentAnalyticsWriter")]
public interface IDeploymentAnalyticsWriter : IGrainWithStringKey
{
    [Alias("DesignStarted")]
    Task DesignStartedAsync(Guid designId, string scenario);

    /// <summary>Counts a record, replacing whatever the design's previous record counted.</summary>
    [Alias("Record")]
    Task RecordAsync(Guid designId, string scenario, DeploymentRecord record);

    /// <summary>Takes a deleted design, and its record, out of the figures.</summary>
    [Alias("DesignRemoved")]
    Task DesignRemovedAsync(Guid designId);

    [Alias("Clear")]
    Task ClearAsync();
}

/// <summary>Removes a design's deployment record when the design is deleted. Internal to the silo.</summary>
[Alias("Carlos.IDeploymentFeedbackWriter")]
public interface IDeploymentFeedbackWriter : IGrainWithGuidKey
{
    [Alias("Forget")]
    Task ForgetAsync();
}

/// <summary>Removes all of a tenant's custom agents. Internal to the silo.</summary>
[Alias("Carlos.ICustomAgentsWriter")]
public interface ICustomAgentsWriter : IGrainWithStringKey
{
    [Alias("Clear")]
    Task ClearAsync();
}

/// <summary>The tenant workspace's silo-side calls: who has designs, and the retention sweep.</summary>
[Alias("Carlos.ITenantWorkspaceWriter")]
public interface ITenantWorkspaceWriter : IGrainWithStringKey
{
    [Alias("RegisterUser")]
    Task RegisterUserAsync(string userId);

    /// <summary>Deletes the designs and documents older than the tenant's plan keeps; returns how many designs.</summary>
    [Alias("Sweep")]
    Task<int> SweepAsync();
}
