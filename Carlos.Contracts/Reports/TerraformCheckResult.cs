namespace Carlos.Contracts.Reports;

/// <summary>The Terraform check's verdict: <c>pass</c>, <c>pass_with_warnings</c> or <c>needs_fixes</c>.</summary>
public enum TerraformCheckResult
{
    Pass = 0,

    /// <summary>Only warnings: the Terraform may be applied, but a reader should look at them.</summary>
    PassWithWarnings = 1,

    /// <summary>At least one error: it does not parse, runs code, leaks a secret or contradicts the review.</summary>
    NeedsFixes = 2,
}
