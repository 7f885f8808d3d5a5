namespace Carlos.Contracts.Usage;

/// <summary>A plan's caps on its tenants' model tokens per UTC day and per UTC month; null is no cap.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.SpendCapLimits")]
public sealed record SpendCapLimits(
    [property: Id(0)] long? TokensPerDay,
    [property: Id(1)] long? TokensPerMonth)
{
    public static readonly SpendCapLimits None = new(null, null);

    public bool IsNone => TokensPerDay is null && TokensPerMonth is null;
}

/// <summary>Whether a tenant has room under its caps for some more tokens, and if not, which cap and when it resets.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.SpendCheck")]
public sealed record SpendCheck(
    [property: Id(0)] bool Allowed,
    [property: Id(1)] string? Cap = null,
    [property: Id(2)] long Limit = 0,
    [property: Id(3)] long Used = 0,
    [property: Id(4)] DateTimeOffset? ResetsAt = null)
{
    public const string TokensPerDay = "tokens_per_day";
    public const string TokensPerMonth = "tokens_per_month";

    /// <summary>A sentence for users: which cap, how much of it is used, and when it resets.</summary>
    public string Describe() =>
        $"The tenant's {(Cap == TokensPerDay ? "daily" : "monthly")} cap of {Limit} model tokens is reached " +
        $"({Used} used); it resets at {ResetsAt:yyyy-MM-ddTHH:mm:ssZ}.";
}
