using System.Text.RegularExpressions;
using Carlos.Contracts.Reports;
using Carlos.Grains.Terraform;

namespace Carlos.Grains.BuiltinModel;

/// <summary>
/// The built-in Terraform corrector. It edits the Terraform it was given, line by line, by the rule of each error
/// finding: it repairs syntax, removes provisioners and fetching data sources, moves a literal secret into a
/// sensitive variable, corrects or drops an unknown resource type, repoints or drops a dangling reference,
/// declares a missing variable, turns public access off and raises TLS minimums, and adds missing provider
/// blocks. It cannot pin a module to a version it does not know, nor add customer-managed keys; those findings
/// stay for the user.
/// </summary>
internal sealed partial class TerraformCorrector(KnownResourceTypes known)
{
    private const string PinnedAzurerm = """
        terraform {
          required_providers {
            azurerm = {
              source  = "hashicorp/azurerm"
              version = "~> 4.42"
            }
          }
        }
        """;

    private const string AzurermProvider = """
        provider "azurerm" {
          features {}
        }
        """;

    public string Correct(string terraform, TerraformVerdict? verdict)
    {
        var files = TerraformFiles.Split(terraform).ToDictionary(f => f.Name, f => f.Text.Split('\n').ToList());
        var module = TerraformModule.Parse(terraform);
        var edits = new List<TerraformLineEdit>();
        var variables = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        var prepend = new List<string>();
        var errors = verdict?.Findings.Where(f => f.Level == TerraformFindingLevel.Error) ?? [];
        foreach (var finding in errors)
        {
            var lines = files[finding.File];
            switch (finding.Rule)
            {
                case TerraformRuleIds.Syntax when !edits.Any(e => e.File == finding.File):
                    edits.AddRange(TerraformSyntaxRepair.Repair(finding.File, lines, finding));
                    break;
                case TerraformRuleIds.KnownResourceType:
                    edits.AddRange(ReplaceResourceType(module, finding, lines));
                    break;
                case TerraformRuleIds.UnresolvedReference:
                    edits.AddRange(Resolve(module, finding, lines, variables));
                    break;
                case TerraformRuleIds.Provisioner:
                    edits.AddRange(RemoveBlock(module, finding, nested: true));
                    break;
                case TerraformRuleIds.ExternalDataSource:
                    edits.AddRange(RemoveBlock(module, finding, nested: false));
                    break;
                case TerraformRuleIds.HardcodedSecret:
                    edits.AddRange(MoveSecret(module, finding, lines, variables));
                    break;
                case TerraformRuleIds.PublicNetworkAccess or TerraformRuleIds.TlsVersion or TerraformRuleIds.Encryption:
                    edits.AddRange(Harden(finding, lines));
                    break;
                case TerraformRuleIds.RequiredProviders or TerraformRuleIds.ProviderBlock:
                    AddProvider(module, finding, prepend, edits);
                    break;
            }
        }

        TerraformLineEdit.Apply(files, edits);
        if (prepend.Count > 0)
        {
            files[TerraformFiles.Main].InsertRange(0, prepend);
        }

        foreach (var (name, sensitive) in variables)
        {
            files[TerraformFiles.Variables].AddRange(VariableBlock(name, sensitive));
        }

        return TerraformFiles.Join(files.Select(f => (f.Key, string.Join('\n', f.Value))));
    }

    private static IEnumerable<string> VariableBlock(string name, bool sensitive) => sensitive
        ? ["", $"variable \"{name}\" {{", "  type      = string", "  sensitive = true", "}", ""]
        : ["", $"variable \"{name}\" {{", "  type        = string",
            "  description = \"Declared by the Terraform corrector: the code refers to it.\"", "}", ""];

    private IEnumerable<TerraformLineEdit> ReplaceResourceType(
        TerraformModule module, TerraformFinding finding, List<string> lines)
    {
        var block = TopLevelBlockAt(module, finding);
        if (block?.Type != "resource" || block.Label(0) is not { } type)
        {
            yield break;
        }

        var header = lines[block.Line - 1];
        if (known.Nearest(type) is { } nearest && header.Contains($"\"{type}\"", StringComparison.Ordinal))
        {
            yield return TerraformLineEdit.Replace(finding.File, block.Line,
                lines[block.Line - 1].Replace($"\"{type}\"", $"\"{nearest}\"", StringComparison.Ordinal));
        }
        else
        {
            yield return TerraformLineEdit.Remove(finding.File, block.Line, block.EndLine);
        }
    }

    private static IEnumerable<TerraformLineEdit> Resolve(
        TerraformModule module, TerraformFinding finding, List<string> lines, SortedDictionary<string, bool> variables)
    {
        if (Quoted().Match(finding.Message) is not { Success: true } match)
        {
            yield break;
        }

        var address = match.Groups[1].Value;
        var parts = address.Split('.');
        if (parts is ["var", var name])
        {
            variables.TryAdd(name, false);
            yield break;
        }

        var (prefix, type) = parts[0] == "data" && parts.Length == 3 ? ("data.", parts[1]) : ("", parts[0]);
        // The name meant is the only one of its type, or the one within three edits of the name written.
        var written = parts[^1];
        var nearest = module.OfType(prefix.Length > 0 ? "data" : "resource")
            .Where(b => b.Block.Label(0) == type && b.Block.Labels.Count == 2)
            .Select(b => b.Block.Labels[1])
            .Select(name => (name, distance: KnownResourceTypes.Distance(written, name)))
            .OrderBy(c => c.distance).ThenBy(c => c.name, StringComparer.Ordinal)
            .ToList();
        var text = lines[finding.Line - 1];
        var pattern = new Regex($@"(?<![\w.]){Regex.Escape(address)}(?![\w-])");
        if (parts[0] is not ("local" or "module") && nearest.Count > 0
            && (nearest.Count == 1 || nearest[0].distance <= 3) && pattern.IsMatch(text))
        {
            yield return TerraformLineEdit.Replace(finding.File, finding.Line,
                pattern.Replace(text, $"{prefix}{type}.{nearest[0].name}"));
        }
        else if (AttributeAt(module, finding) is { } attribute)
        {
            yield return TerraformLineEdit.Remove(finding.File, attribute.Line, attribute.EndLine);
        }
    }

    private static IEnumerable<TerraformLineEdit> RemoveBlock(
        TerraformModule module, TerraformFinding finding, bool nested)
    {
        var block = nested
            ? module.Blocks.Where(b => b.File == finding.File)
                .SelectMany(b => b.Block.Body.AllBlocks()).FirstOrDefault(b => b.Line == finding.Line)
            : TopLevelBlockAt(module, finding);
        if (block is not null)
        {
            yield return TerraformLineEdit.Remove(finding.File, block.Line, block.EndLine);
        }
    }

    private static IEnumerable<TerraformLineEdit> MoveSecret(
        TerraformModule module, TerraformFinding finding, List<string> lines, SortedDictionary<string, bool> variables)
    {
        var found = module.Attributes().FirstOrDefault(a => a.File == finding.File && a.Attribute.Line == finding.Line);
        if (found is null)
        {
            yield break;
        }

        var attribute = found.Attribute;
        if (found.Parent.Type == "variable")
        {
            yield return TerraformLineEdit.Remove(finding.File, attribute.Line, attribute.EndLine);
            yield break;
        }

        var owner = found.Owner.Labels.LastOrDefault() ?? found.Owner.Type;
        var name = Identifier().Replace($"{owner}_{attribute.Name}", "_").ToLowerInvariant();
        variables.TryAdd(name, true);
        var text = lines[attribute.Line - 1];
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var replaced = $"{text[..(equals + 1)]} var.{name}";
        yield return new TerraformLineEdit(finding.File, attribute.Line, attribute.EndLine, [replaced]);
    }

    private static IEnumerable<TerraformLineEdit> Harden(TerraformFinding finding, List<string> lines)
    {
        var text = lines[finding.Line - 1];
        var hardened = text.Contains("public_network", StringComparison.Ordinal)
            ? text.Replace("= true", "= false", StringComparison.Ordinal)
                .Replace("\"Enabled\"", "\"Disabled\"", StringComparison.Ordinal)
            : TlsVersion().Replace(text, m => m.Value[..^1] + "2")
                .Replace("= false", "= true", StringComparison.Ordinal);
        if (hardened != text)
        {
            yield return TerraformLineEdit.Replace(finding.File, finding.Line, hardened);
        }
    }

    private static void AddProvider(
        TerraformModule module, TerraformFinding finding, List<string> prepend, List<TerraformLineEdit> edits)
    {
        if (finding.Rule == TerraformRuleIds.ProviderBlock)
        {
            var provider = module.OfType("provider").FirstOrDefault(p => p.Block.Label(0) == "azurerm");
            if (provider is null && !prepend.Contains("provider \"azurerm\" {"))
            {
                prepend.AddRange([.. AzurermProvider.Split('\n'), ""]);
            }
            else if (provider is not null)
            {
                edits.Add(new TerraformLineEdit(provider.File, provider.Block.Line, provider.Block.EndLine,
                    AzurermProvider.Split('\n')));
            }

            return;
        }

        var pin = module.OfType("terraform")
            .SelectMany(t => t.Block.Body.BlocksOfType("required_providers")
                .Select(r => (t.File, Attribute: r.Body.Attribute("azurerm"))))
            .FirstOrDefault(r => r.Attribute is not null);
        if (pin.Attribute is { } azurerm)
        {
            edits.Add(new TerraformLineEdit(pin.File, azurerm.Line, azurerm.EndLine, PinnedAzurerm.Split('\n')[2..^2]));
        }
        else if (!prepend.Contains("terraform {"))
        {
            prepend.InsertRange(0, [.. PinnedAzurerm.Split('\n'), ""]);
        }
    }

    private static HclBlock? TopLevelBlockAt(TerraformModule module, TerraformFinding finding) =>
        module.Blocks.FirstOrDefault(b => b.File == finding.File && b.Block.Line == finding.Line)?.Block;

    /// <summary>The innermost attribute that starts on the finding's line, or else spans it.</summary>
    private static HclAttribute? AttributeAt(TerraformModule module, TerraformFinding finding) =>
        module.Attributes()
            .Where(a => a.File == finding.File && a.Attribute.Line <= finding.Line
                && finding.Line <= a.Attribute.EndLine)
            .Select(a => a.Attribute)
            .OrderByDescending(a => a.Line)
            .FirstOrDefault();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex Quoted();

    [GeneratedRegex("[^A-Za-z0-9_]+")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"(?<=[""'])(TLS1_[01]|1\.[01]|Tls1[01])(?="")", RegexOptions.IgnoreCase)]
    private static partial Regex TlsVersion();
}
