namespace Carlos.Contracts.Reports;

/// <summary>What one round of the Terraform check decided, and why.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.TerraformVerdict")]
public sealed record TerraformVerdict(
    [property: Id(0)] TerraformCheckResult Result,
    [property: Id(1)] IReadOnlyList<TerraformFinding> Findings,
    [property: Id(2)] string Summary);
