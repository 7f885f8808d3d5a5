using System.Text.RegularExpressions;
using Carlos.Contracts.Reports;

namespace Carlos.Grains.Terraform;

/// <summary>
/// Nothing runs code on the user's machine or fetches from anywhere while planning: no <c>local-exec</c> or
/// <c>remote-exec</c> provisioners, no <c>external</c> or <c>http</c> data sources, and every module source a
/// local path, a registry module with an exact version, or a Git repository at a fixed <c>ref</c>.
/// </summary>
internal sealed partial class RemoteExecutionRule : ITerraformRule
{
    public static bool IsFetchingDataSource(string type) => type is "external" or "http";

    public IEnumerable<TerraformFinding> Check(TerraformCheckInput input)
    {
        foreach (var (file, block) in input.Module.Blocks)
        {
            foreach (var provisioner in block.Body.AllBlocks().Where(b => b.Type == "provisioner"))
            {
                var kind = provisioner.Label(0) ?? "";
                var runsCode = kind is "local-exec" or "remote-exec";
                yield return new TerraformFinding(file, provisioner.Line, TerraformRuleIds.Provisioner,
                    runsCode ? TerraformFindingLevel.Error : TerraformFindingLevel.Warning,
                    runsCode
                        ? $"The {kind} provisioner runs commands during apply; remove it."
                        : $"The {kind} provisioner acts outside Terraform's plan; prefer a resource.");
            }

            if (block.Type == "data" && IsFetchingDataSource(block.Label(0) ?? ""))
            {
                yield return new TerraformFinding(file, block.Line, TerraformRuleIds.ExternalDataSource,
                    TerraformFindingLevel.Error,
                    block.Label(0) == "external"
                        ? "The external data source runs a program on the user's machine; remove it."
                        : "The http data source fetches from the network while planning; remove it.");
            }

            if (block.Type == "module" && Unpinned(block) is { } reason)
            {
                yield return new TerraformFinding(file, block.Line, TerraformRuleIds.UnpinnedModule,
                    TerraformFindingLevel.Error, reason);
            }
        }
    }

    private static string? Unpinned(HclBlock module)
    {
        var source = module.Body.Attribute("source")?.Value;
        if (source is not { IsLiteralString: true, Text: { } address })
        {
            return "The module source must be a literal string.";
        }

        if (address.StartsWith("./", StringComparison.Ordinal) || address.StartsWith("../", StringComparison.Ordinal))
        {
            return null;
        }

        if (GitAddress().IsMatch(address))
        {
            return GitRef().IsMatch(address)
                ? null
                : $"The module source \"{address}\" is not pinned: add ?ref= with a tag or commit.";
        }

        if (!RegistryAddress().IsMatch(address))
        {
            return $"The module source \"{address}\" downloads from an address that cannot be pinned.";
        }

        var version = module.Body.Attribute("version")?.Value;
        return version is { IsLiteralString: true, Text: { } v } && ExactVersion().IsMatch(v)
            ? null
            : $"The registry module \"{address}\" is not pinned: set version to one exact version.";
    }

    [GeneratedRegex("^(git::|github\\.com/|bitbucket\\.org/)")]
    private static partial Regex GitAddress();

    [GeneratedRegex("[?&]ref=.+")]
    private static partial Regex GitRef();

    [GeneratedRegex(@"^([a-z0-9.\-]+/)?[A-Za-z0-9_\-]+/[A-Za-z0-9_\-]+/[a-z0-9]+(//.*)?$")]
    private static partial Regex RegistryAddress();

    [GeneratedRegex(@"^\s*=?\s*\d+\.\d+\.\d+(-[0-9A-Za-z.\-]+)?\s*$")]
    private static partial Regex ExactVersion();
}
