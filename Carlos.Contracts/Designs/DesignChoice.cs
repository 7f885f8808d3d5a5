namespace Carlos.Contracts.Designs;

/// <summary>
/// Which of the two designs the Terraform follows, and why. The recommender makes the choice from the reviews; a
/// design that failed validation is never chosen. A user may overrule it (<c>POST /v1/designs/{id}/choose</c>).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.DesignChoice")]
public sealed record DesignChoice
{
    /// <summary>The design the Terraform follows now.</summary>
    [Id(0)] public required DesignCandidate Chosen { get; init; }

    /// <summary>Why the recommender chose as it did, most important first.</summary>
    [Id(1)] public required IReadOnlyList<string> Reasons { get; init; }

    [Id(2)] public required ChoiceTradeOffs TradeOffs { get; init; }

    /// <summary>True when a user chose the other design than the recommender.</summary>
    [Id(3)] public bool Overruled { get; init; }

    /// <summary>The design the recommender chose, which differs from <see cref="Chosen"/> once overruled.</summary>
    [Id(4)] public required DesignCandidate Recommended { get; init; }
}

/// <summary>What choosing one design over the other gains and gives up, in four respects, as sentences.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.ChoiceTradeOffs")]
public sealed record ChoiceTradeOffs(
    [property: Id(0)] string Cost,
    [property: Id(1)] string Reliability,
    [property: Id(2)] string Security,
    [property: Id(3)] string Operability);
