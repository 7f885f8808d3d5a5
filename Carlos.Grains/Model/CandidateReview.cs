using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;

namespace Carlos.Grains.Model;

/// <summary>One of the two designs as the recommender weighs it: the design, its reviews and its verdict.</summary>
public sealed record CandidateReview(
    DesignCandidate Candidate,
    string? DesignMarkdown,
    SecurityReport? Security,
    CostReport? Cost,
    ReliabilityReport? Reliability,
    ValidationVerdict? Validation)
{
    public bool Passed => Validation?.ValidationPassed == true;
}
