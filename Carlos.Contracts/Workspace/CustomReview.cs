using Carlos.Contracts.Reports;

namespace Carlos.Contracts.Workspace;

/// <summary>One thing a custom agent found. <see cref="Area"/> says which part of validation it weighs on.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.CustomFinding")]
public sealed record CustomFinding(
    [property: Id(0)] FindingSeverity Severity,
    [property: Id(1)] ValidationIssueType Area,
    [property: Id(2)] string Title,
    [property: Id(3)] string Description,
    [property: Id(4)] string Recommendation);

/// <summary>A custom agent's structured report of one review round, as the design's <c>customReviews</c> shows it.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.CustomReviewReport")]
public sealed record CustomReviewReport(
    [property: Id(0)] Guid AgentId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Focus,
    [property: Id(3)] int Round,
    [property: Id(4)] IReadOnlyList<CustomFinding> Findings,
    [property: Id(5)] string Summary);
