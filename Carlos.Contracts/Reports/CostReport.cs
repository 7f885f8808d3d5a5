namespace Carlos.Contracts.Reports;

/// <summary>The cost analyst's structured estimate of a design's monthly spend.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.CostReport")]
public sealed record CostReport(
    [property: Id(0)] decimal TotalMonthlyCostUsd,
    [property: Id(1)] decimal TotalAnnualCostUsd,
    [property: Id(2)] IReadOnlyList<ServiceCost> Services,
    [property: Id(3)] IReadOnlyDictionary<ServiceCategory, decimal> CostByCategory,
    [property: Id(4)] IReadOnlyList<string> OptimizationOpportunities,
    [property: Id(5)] IReadOnlyList<string> CostDrivers,
    [property: Id(6)] IReadOnlyList<string> UnpricedServices);
