using Carlos.Contracts.Reports;
using Carlos.Grains.Catalog;

namespace Carlos.Grains.Terraform;

/// <summary>
/// The Terraform check: parses every file of the joined Terraform, then, when all parse, runs the rules. Errors
/// make the verdict <see cref="TerraformCheckResult.NeedsFixes"/>, warnings alone
/// <see cref="TerraformCheckResult.PassWithWarnings"/>. Findings are ordered by file and line.
/// </summary>
internal sealed class TerraformCheck(ServiceCatalog catalog)
{
    private static readonly ITerraformRule[] Rules =
    [
        new ProviderRule(), new ResourceTypeRule(), new ReferenceRule(), new SecretRule(),
        new SecurityConsistencyRule(), new RemoteExecutionRule(),
    ];

    private readonly KnownResourceTypes _known = new(catalog);

    public TerraformVerdict Check(string terraform, SecurityReport? security)
    {
        var module = TerraformModule.Parse(terraform);
        var input = new TerraformCheckInput(module, SecurityExpectations.From(security), _known);
        var findings = module.IsValid
            ? Rules.SelectMany(r => r.Check(input))
            : module.Files.SelectMany(f => f.Diagnostics.Select(d => new TerraformFinding(f.Name, d.Line,
                TerraformRuleIds.Syntax, TerraformFindingLevel.Error, $"{d.Summary}: {d.Detail}")));
        var ordered = findings
            .OrderBy(f => TerraformFiles.Names.ToList().IndexOf(f.File))
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ToList();
        return Verdict(ordered);
    }

    private static TerraformVerdict Verdict(IReadOnlyList<TerraformFinding> findings)
    {
        var errors = findings.Count(f => f.Level == TerraformFindingLevel.Error);
        var warnings = findings.Count - errors;
        var (result, summary) = (errors, warnings) switch
        {
            (0, 0) => (TerraformCheckResult.Pass, "The Terraform parses and keeps every rule."),
            (0, _) => (TerraformCheckResult.PassWithWarnings,
                $"The Terraform parses and keeps every rule; {Count(warnings, "warning")}."),
            _ => (TerraformCheckResult.NeedsFixes,
                $"The Terraform needs fixes: {Count(errors, "error")}, {Count(warnings, "warning")}."),
        };
        return new TerraformVerdict(result, findings, summary);
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
