namespace Carlos.Contracts.Reports;

/// <summary>
/// One thing the Terraform check found: the file (<c>main.tf</c>, <c>variables.tf</c> or <c>outputs.tf</c>), the
/// 1-based line in that file, the rule's id (see <c>docs/terraform-check.md</c>) and what is wrong.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.TerraformFinding")]
public sealed record TerraformFinding(
    [property: Id(0)] string File,
    [property: Id(1)] int Line,
    [property: Id(2)] string Rule,
    [property: Id(3)] TerraformFindingLevel Level,
    [property: Id(4)] string Message);
