using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;

namespace Carlos.Grains.Model;

/// <summary>
/// What a step knows of the design so far. A language model reads it as the prompt built from it; the built-in model
/// acts on it directly, by rule.
/// </summary>
public sealed record AgentContext
{
    public required string Requirements { get; init; }

    public required DesignSettings Settings { get; init; }

    public required int Round { get; init; }

    /// <summary>The tenant the design belongs to, for usage records and quota fairness.</summary>
    public string? TenantId { get; init; }

    /// <summary>The architect's design of this round, for every role after the architect.</summary>
    public string? DesignMarkdown { get; init; }

    public SecurityReport? Security { get; init; }

    public CostReport? Cost { get; init; }

    public ReliabilityReport? Reliability { get; init; }

    /// <summary>This round's verdict for the recommender; the previous round's for a revising architect.</summary>
    public ValidationVerdict? Validation { get; init; }

    /// <summary>The Terraform a check judges or a corrector fixes.</summary>
    public string? Terraform { get; init; }

    /// <summary>The check's verdict whose findings the corrector fixes.</summary>
    public TerraformVerdict? TerraformCheck { get; init; }

    /// <summary>Which of the two designs the step works on, for designs with the rival; null otherwise.</summary>
    public DesignCandidate? Candidate { get; init; }

    /// <summary>Both designs with their reviews, for the recommender that chooses between them.</summary>
    public IReadOnlyList<CandidateReview>? Candidates { get; init; }

    /// <summary>The sampling temperature a language model uses for this step; null for the deployment's default.</summary>
    public float? Temperature { get; init; }
    /// <summary>The tenant's reviewer a custom review step runs.</summary>
    public Contracts.Workspace.CustomAgent? CustomAgent { get; init; }

    /// <summary>This round's custom reviews, for the validator.</summary>
    public IReadOnlyList<Contracts.Workspace.CustomReviewReport> CustomReviews { get; init; } = [];

    /// <summary>Lessons from the tenant's deployment feedback, for the architect and the validator.</summary>
    public IReadOnlyList<Contracts.Workspace.Lesson> Lessons { get; init; } = [];
}
