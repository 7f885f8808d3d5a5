namespace Carlos.Contracts.Reports;

/// <summary>The worst severity among a verdict's issues.</summary>
public enum ValidationSeverity
{
    None = 0,
    Warning = 1,
    Error = 2,
}
