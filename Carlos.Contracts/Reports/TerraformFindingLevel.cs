namespace Carlos.Contracts.Reports;

/// <summary>Whether a finding blocks the Terraform (<c>error</c>) or only asks for a look (<c>warning</c>).</summary>
public enum TerraformFindingLevel
{
    Warning = 0,
    Error = 1,
}
