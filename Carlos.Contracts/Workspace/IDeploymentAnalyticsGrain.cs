using Carlos.Contracts.Identity;

namespace Carlos.Contracts.Workspace;

/// <summary>
/// One tenant's deployment figures and lessons, keyed by the tenant id, kept up to date as designs start, feedback
/// arrives and designs are deleted; reading them never visits a design. Another tenant's caller reads zeros.
/// </summary>
[Alias("Carlos.IDeploymentAnalyticsGrain")]
public interface IDeploymentAnalyticsGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<DeploymentAnalytics> GetAsync(Caller caller);

    /// <summary>The lessons the tenant's feedback teaches so far, for its later designs.</summary>
    [Alias("Lessons")]
    Task<IReadOnlyList<Lesson>> LessonsAsync(Caller caller);
}
