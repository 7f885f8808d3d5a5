namespace Carlos.Contracts.Reports;

/// <summary>One thing a security reviewer found, with what to do about it.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.SecurityFinding")]
public sealed record SecurityFinding(
    [property: Id(0)] FindingSeverity Severity,
    [property: Id(1)] string Title,
    [property: Id(2)] string Description,
    [property: Id(3)] string Recommendation,
    [property: Id(4)] IReadOnlyList<string> AffectedServices);
