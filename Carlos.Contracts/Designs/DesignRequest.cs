namespace Carlos.Contracts.Designs;

/// <summary>A validated request for one design.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.DesignRequest")]
public sealed record DesignRequest(
    [property: Id(0)] string Requirements,
    [property: Id(1)] DesignSettings Settings)
{
    /// <summary>Whether the workflow may stop to ask clarifying questions about vague requirements. Default true.</summary>
    [Id(2)] public bool AllowQuestions { get; init; } = true;

    /// <summary>The longest requirements text accepted, in characters.</summary>
    public const int MaxRequirementsLength = 50_000;
}
