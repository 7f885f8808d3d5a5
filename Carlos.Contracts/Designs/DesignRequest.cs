namespace Carlos.Contracts.Designs;

/// <summary>
/// A validated request for one design. <see cref="DocumentIds"/> names uploaded documents whose text the design
/// reads as untrusted material beside the requirements.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.DesignRequest")]
public sealed record DesignRequest(
    [property: Id(0)] string Requirements,
    [property: Id(1)] DesignSettings Settings,
    [property: Id(2)] IReadOnlyList<Guid>? DocumentIds = null)
{
    /// <summary>Whether the workflow may stop to ask clarifying questions about vague requirements. Default true.</summary>
    [Id(3)] public bool AllowQuestions { get; init; } = true;

    /// <summary>True to skip the design cache's lookup: the design runs, and its result refreshes the entry.</summary>
    [Id(50)] public bool BypassCache { get; init; }

    /// <summary>
    /// Whether a rival architect designs too and the recommender chooses between the two. False here so that state
    /// stored before the rival existed reads as it ran; the gateway turns it on unless the request or plan says not.
    /// </summary>
    [Id(60)] public bool Rival { get; init; }
    /// <summary>The tenant's custom agents that review the design after the three analysts, in order.</summary>
    [Id(40)] public IReadOnlyList<Guid> CustomAgentIds { get; init; } = [];

    /// <summary>The longest requirements text accepted, in characters.</summary>
    public const int MaxRequirementsLength = 50_000;

    /// <summary>The most documents one design may read.</summary>
    public const int MaxDocuments = 10;
}
