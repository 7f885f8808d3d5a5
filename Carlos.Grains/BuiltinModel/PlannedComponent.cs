using Carlos.Contracts.Designs;

namespace Carlos.Grains.BuiltinModel;

/// <summary>One catalog service placed in a design, in one region.</summary>
internal sealed record PlannedComponent(
    string ServiceId,
    string Name,
    CostPerformance Tier,
    string Sku,
    int Quantity,
    string Region);
