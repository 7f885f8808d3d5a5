namespace Carlos.Contracts.Reports;

/// <summary>One reason a design does not, or only just, pass validation.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.ValidationIssue")]
public sealed record ValidationIssue(
    [property: Id(0)] ValidationIssueType Type,
    [property: Id(1)] ValidationSeverity Severity,
    [property: Id(2)] string Message,
    [property: Id(3)] string Recommendation);
