namespace Carlos.Contracts.Designs;

/// <summary>What a caller learns when a design is accepted.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.DesignSummary")]
public sealed record DesignSummary(
    [property: Id(0)] Guid Id,
    [property: Id(1)] DesignStatus Status,
    [property: Id(2)] DateTimeOffset CreatedAt);
