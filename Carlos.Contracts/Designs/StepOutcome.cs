using Carlos.Contracts.Reports;

namespace Carlos.Contracts.Designs;

/// <summary>A finished step as the design records it.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.StepOutcome")]
public sealed record StepOutcome(
    [property: Id(0)] string Step,
    [property: Id(1)] string Agent,
    [property: Id(2)] int Round,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] DateTimeOffset CompletedAt,
    [property: Id(5)] TokenUsage Usage,
    [property: Id(6)] bool Degraded)
{
    /// <summary>Which of the two designs the step worked on, for designs with the rival.</summary>
    [Id(60)] public DesignCandidate? Candidate { get; init; }
}
