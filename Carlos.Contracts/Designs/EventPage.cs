namespace Carlos.Contracts.Designs;

/// <summary>A slice of a design's event log, in sequence order.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.EventPage")]
public sealed record EventPage(
    [property: Id(0)] IReadOnlyList<DesignEvent> Events,
    [property: Id(1)] long LastSequence,
    [property: Id(2)] DesignStatus Status);
