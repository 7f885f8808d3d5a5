namespace Carlos.Contracts.Designs;

/// <summary>The settings a design request carries, after defaults from its scenario were applied.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.DesignSettings")]
public sealed record DesignSettings
{
    /// <summary>The scenario preset id, <c>custom</c> by default.</summary>
    [Id(0)] public string Scenario { get; init; } = ScenarioPresets.Custom;

    [Id(1)] public CostPerformance CostPerformance { get; init; } = CostPerformance.Balanced;

    [Id(2)] public ComplianceLevel Compliance { get; init; } = ComplianceLevel.Standard;

    [Id(3)] public ReliabilityTarget Reliability { get; init; } = ReliabilityTarget.Normal;

    [Id(4)] public Strictness Strictness { get; init; } = Strictness.Balanced;

    /// <summary>The most the design may cost a month, in USD; the validator fails a design above it.</summary>
    [Id(5)] public decimal? MonthlyBudgetUsd { get; init; }
}
