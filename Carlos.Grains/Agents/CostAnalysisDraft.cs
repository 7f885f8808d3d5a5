using Carlos.Contracts.Designs;

namespace Carlos.Grains.Agents;

/// <summary>
/// What the cost analyst answers: which services at which tier and quantity. Carlos prices them from the catalog
/// (<see cref="CostEstimator"/>), so no figure a user sees comes from model prose.
/// </summary>
public sealed record CostAnalysisDraft(
    IReadOnlyList<ChosenService> Services,
    IReadOnlyList<string> OptimizationOpportunities);

/// <summary>A service the cost analyst found in the design.</summary>
public sealed record ChosenService(string Service, CostPerformance Tier, int Quantity);
