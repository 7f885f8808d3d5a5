using Carlos.Contracts.Reports;

namespace Carlos.Grains.Agents;

/// <summary>
/// What one step produced: its text (the Markdown rendering for reviewers), the structured record for roles that
/// have one, the tokens it spent, and whether its answer had to be kept as text only.
/// </summary>
[GenerateSerializer]
[Alias("Carlos.AgentOutcome")]
public sealed record AgentOutcome
{
    [Id(0)] public required string Text { get; init; }

    [Id(1)] public SecurityReport? Security { get; init; }

    [Id(2)] public CostReport? Cost { get; init; }

    [Id(3)] public ReliabilityReport? Reliability { get; init; }

    [Id(4)] public ValidationVerdict? Validation { get; init; }

    [Id(5)] public required TokenUsage Usage { get; init; }

    [Id(6)] public bool Degraded { get; init; }

    [Id(8)] public ClarificationDraft? Clarification { get; init; }

    /// <summary>Why the answer could not be used as asked for, when <see cref="Degraded"/>.</summary>
    [Id(7)] public string? DegradedReason { get; init; }

    /// <summary>The verdict, for a Terraform check step.</summary>
    [Id(9)] public TerraformVerdict? TerraformCheck { get; init; }

    /// <summary>The choice between the lead and rival designs, for the recommender of a design with the rival.</summary>
    [Id(60)] public Contracts.Designs.DesignChoice? Choice { get; init; }
    /// <summary>The report, for a custom agent's review step.</summary>
    [Id(40)] public Contracts.Workspace.CustomReviewReport? CustomReview { get; init; }
}
