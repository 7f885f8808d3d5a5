namespace Carlos.Contracts.Designs;

/// <summary>The answer to a request to start a design under a given id.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.StartOutcome")]
public sealed record StartOutcome(
    [property: Id(0)] DesignSummary Summary,
    [property: Id(1)] bool Created)
{
    /// <summary>The silo's workflow queue is full: nothing was stored, and the caller should retry later.</summary>
    [Id(2)] public bool Overloaded { get; init; }
}
