using Carlos.Contracts.Reports;

namespace Carlos.Contracts.Designs;

/// <summary>The whole design as <c>GET /v1/designs/{id}</c> returns it: the latest round of every step.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.DesignSnapshot")]
public sealed record DesignSnapshot
{
    [Id(0)] public required Guid Id { get; init; }

    [Id(1)] public required DesignStatus Status { get; init; }

    [Id(2)] public required string Requirements { get; init; }

    [Id(3)] public required DesignSettings Settings { get; init; }

    [Id(4)] public string? DesignMarkdown { get; init; }

    [Id(5)] public SecurityReport? Security { get; init; }

    [Id(6)] public string? SecurityMarkdown { get; init; }

    [Id(7)] public CostReport? Cost { get; init; }

    [Id(8)] public string? CostMarkdown { get; init; }

    [Id(9)] public ReliabilityReport? Reliability { get; init; }

    [Id(10)] public string? ReliabilityMarkdown { get; init; }

    [Id(11)] public ValidationVerdict? Validation { get; init; }

    [Id(12)] public string? Recommendation { get; init; }

    [Id(13)] public string? Terraform { get; init; }

    [Id(14)] public required TokenUsage Usage { get; init; }

    [Id(15)] public required IReadOnlyList<StepOutcome> Steps { get; init; }

    /// <summary>How many review rounds ran; more than one means the architect revised the design.</summary>
    [Id(16)] public required int Rounds { get; init; }

    /// <summary>Why the design failed, for <see cref="DesignStatus.Failed"/>.</summary>
    [Id(17)] public string? Error { get; init; }

    [Id(18)] public required DateTimeOffset CreatedAt { get; init; }

    [Id(19)] public required DateTimeOffset UpdatedAt { get; init; }

    [Id(20)] public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The clarifying questions asked, if any.</summary>
    [Id(22)] public IReadOnlyList<string> Questions { get; init; } = [];

    /// <summary>The answers given to <see cref="Questions"/>, in order.</summary>
    [Id(23)] public IReadOnlyList<string> Answers { get; init; } = [];

    /// <summary>When an unanswered design expires, while it is <see cref="DesignStatus.AwaitingAnswers"/>.</summary>
    [Id(24)] public DateTimeOffset? AnswersDueBy { get; init; }

    /// <summary>The model provider that wrote the design (<c>builtin</c> or a deployment name).</summary>
    [Id(21)] public required string Model { get; init; }

    /// <summary>The documents whose text the design read, in the order given.</summary>
    [Id(25)] public IReadOnlyList<Guid> DocumentIds { get; init; } = [];

    /// <summary>The last Terraform check's verdict; <see cref="Terraform"/> is the text it judged.</summary>
    [Id(26)] public TerraformVerdict? TerraformCheck { get; init; }

    /// <summary>False when the Terraform still needs fixes after the corrector's rounds; null before a check.</summary>
    [Id(27)] public bool? TerraformPassing { get; init; }

    /// <summary>Set when the design was answered from the design cache; null when its agents ran.</summary>
    [Id(50)] public Cache.DesignCacheHit? CacheHit { get; init; }

    /// <summary>
    /// The rival architect's design with its reviews, when the design ran with the rival; the fields above hold the
    /// lead's design and reviews, and the Terraform of whichever <see cref="Choice"/> names.
    /// </summary>
    [Id(60)] public CandidateDesign? Rival { get; init; }

    /// <summary>Which design the Terraform follows and why, once the recommender has chosen.</summary>
    [Id(61)] public DesignChoice? Choice { get; init; }
    /// <summary>The lessons from the tenant's deployment feedback that the architect and validator were given.</summary>
    [Id(40)] public IReadOnlyList<Workspace.Lesson> LessonsApplied { get; init; } = [];

    /// <summary>The latest report of every custom agent the design named.</summary>
    [Id(41)] public IReadOnlyList<Workspace.CustomReviewReport> CustomReviews { get; init; } = [];
}
