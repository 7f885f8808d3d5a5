namespace Carlos.Contracts.Designs;

/// <summary>Where a design sits between spending less and running faster.</summary>
public enum CostPerformance
{
    CostOptimized = 0,
    Balanced = 1,
    PerformanceOptimized = 2,
}
