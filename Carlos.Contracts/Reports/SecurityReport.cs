namespace Carlos.Contracts.Reports;

/// <summary>The security analyst's structured review of a design.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.SecurityReport")]
public sealed record SecurityReport(
    [property: Id(0)] int OverallSecurityScore,
    [property: Id(1)] IReadOnlyList<SecurityFinding> Findings,
    [property: Id(2)] IReadOnlyList<string> ComplianceFrameworks,
    [property: Id(3)] IReadOnlyList<string> SecurityControls,
    [property: Id(4)] IReadOnlyList<string> UnencryptedDataStores);
