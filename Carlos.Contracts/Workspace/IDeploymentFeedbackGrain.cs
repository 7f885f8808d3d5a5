using Carlos.Contracts.Identity;

namespace Carlos.Contracts.Workspace;

/// <summary>
/// The deployment record of one design, keyed by the design id. Access follows the design: whoever may see the
/// design may read and write its record; for anyone else it does not exist.
/// </summary>
[Alias("Carlos.IDeploymentFeedbackGrain")]
public interface IDeploymentFeedbackGrain : IGrainWithGuidKey
{
    /// <summary>Stores or replaces the record; null when the caller may not see the design.</summary>
    [Alias("Save")]
    Task<DeploymentRecord?> SaveAsync(Caller caller, DeploymentFeedback feedback);

    /// <summary>The record; null when there is none, or the caller may not see the design.</summary>
    [Alias("Get")]
    Task<DeploymentRecord?> GetAsync(Caller caller);
}
