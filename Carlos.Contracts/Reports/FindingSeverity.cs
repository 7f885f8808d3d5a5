namespace Carlos.Contracts.Reports;

/// <summary>How serious a review finding is.</summary>
public enum FindingSeverity
{
    Low = 0,
    Medium = 1,
    High = 2,
    Critical = 3,
}
