using System.Text.Json.Serialization;

namespace Carlos.Contracts.Workspace;

/// <summary>One issue group and how many deployment records reported it.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.IssueCount")]
public sealed record IssueCount([property: Id(0)] string Issue, [property: Id(1)] int Count);

/// <summary>
/// A tenant's deployment figures. Rates are fractions from 0 to 1: the deployment rate over all designs, the success
/// rate over deployed designs; the average satisfaction is over every record, null while there is none.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.DeploymentFigures")]
public sealed record DeploymentFigures
{
    [Id(0)] public required int TotalDesigns { get; init; }

    [Id(1)] public required int DeployedCount { get; init; }

    [Id(2)] public required double DeploymentRate { get; init; }

    [Id(3)] public required double SuccessRate { get; init; }

    [Id(4), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public double? AverageSatisfaction { get; init; }

    /// <summary>The ten issue groups reported most often, most first.</summary>
    [Id(5)] public required IReadOnlyList<IssueCount> TopIssues { get; init; }
}

/// <summary>The figures of one scenario.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.ScenarioDeploymentFigures")]
public sealed record ScenarioDeploymentFigures
{
    [Id(0)] public required string Scenario { get; init; }

    [Id(1)] public required int TotalDesigns { get; init; }

    [Id(2)] public required int DeployedCount { get; init; }

    [Id(3)] public required double DeploymentRate { get; init; }

    [Id(4)] public required double SuccessRate { get; init; }

    [Id(5), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public double? AverageSatisfaction { get; init; }

    [Id(6)] public required IReadOnlyList<IssueCount> TopIssues { get; init; }
}

/// <summary><c>GET /v1/analytics/deployments</c>: the tenant's figures, then the same by scenario.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.DeploymentAnalytics")]
public sealed record DeploymentAnalytics
{
    [Id(0)] public required int TotalDesigns { get; init; }

    [Id(1)] public required int DeployedCount { get; init; }

    [Id(2)] public required double DeploymentRate { get; init; }

    [Id(3)] public required double SuccessRate { get; init; }

    [Id(4), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public double? AverageSatisfaction { get; init; }

    [Id(5)] public required IReadOnlyList<IssueCount> TopIssues { get; init; }

    [Id(6)] public required IReadOnlyList<ScenarioDeploymentFigures> ByScenario { get; init; }
}
