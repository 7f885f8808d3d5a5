namespace Carlos.Contracts.Reports;

/// <summary>The validator's structured verdict on a design and its three reviews.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.ValidationVerdict")]
public sealed record ValidationVerdict(
    [property: Id(0)] bool ValidationPassed,
    [property: Id(1)] ValidationSeverity Severity,
    [property: Id(2)] IReadOnlyList<ValidationIssue> Issues,
    [property: Id(3)] string Summary);
