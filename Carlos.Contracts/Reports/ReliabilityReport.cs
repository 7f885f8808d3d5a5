namespace Carlos.Contracts.Reports;

/// <summary>The reliability analyst's structured review: composite SLA, weak points and recovery objectives.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.ReliabilityReport")]
public sealed record ReliabilityReport(
    [property: Id(0)] double EstimatedSlaPercentage,
    [property: Id(1)] IReadOnlyList<string> SinglePointsOfFailure,
    [property: Id(2)] IReadOnlyList<string> RedundancyMeasures,
    [property: Id(3)] double? DisasterRecoveryRtoHours,
    [property: Id(4)] double? DisasterRecoveryRpoHours,
    [property: Id(5)] IReadOnlyList<string> MonitoringRecommendations,
    [property: Id(6)] int Regions);
