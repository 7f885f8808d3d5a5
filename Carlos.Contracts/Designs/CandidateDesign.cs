using Carlos.Contracts.Reports;

namespace Carlos.Contracts.Designs;

/// <summary>One of the two designs of a request with the rival, with its reviews and verdict (latest round).</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.CandidateDesign")]
public sealed record CandidateDesign
{
    [Id(0)] public required DesignCandidate Candidate { get; init; }

    [Id(1)] public string? DesignMarkdown { get; init; }

    [Id(2)] public SecurityReport? Security { get; init; }

    [Id(3)] public string? SecurityMarkdown { get; init; }

    [Id(4)] public CostReport? Cost { get; init; }

    [Id(5)] public string? CostMarkdown { get; init; }

    [Id(6)] public ReliabilityReport? Reliability { get; init; }

    [Id(7)] public string? ReliabilityMarkdown { get; init; }

    [Id(8)] public ValidationVerdict? Validation { get; init; }

    /// <summary>How many review rounds this design had; more than one means its architect revised it.</summary>
    [Id(9)] public int Rounds { get; init; }
}
