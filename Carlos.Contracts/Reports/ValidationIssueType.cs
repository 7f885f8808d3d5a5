namespace Carlos.Contracts.Reports;

/// <summary>What a validation issue is about.</summary>
public enum ValidationIssueType
{
    Security = 0,
    Cost = 1,
    Reliability = 2,
    Completeness = 3,
}
