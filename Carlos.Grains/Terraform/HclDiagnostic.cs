namespace Carlos.Grains.Terraform;

/// <summary>A syntax error: where it is (1-based line and column) and what is wrong, in HashiCorp's words.</summary>
internal sealed record HclDiagnostic(int Line, int Column, string Summary, string Detail)
{
    public override string ToString() => $"{Line},{Column}: {Summary}; {Detail}";
}
