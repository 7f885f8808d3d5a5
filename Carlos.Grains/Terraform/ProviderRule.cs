using Carlos.Contracts.Reports;

namespace Carlos.Grains.Terraform;

/// <summary>
/// The module pins the azurerm provider in <c>terraform { required_providers { ... } }</c> (source and a version
/// constraint with an upper bound) and configures it in a <c>provider "azurerm"</c> block with <c>features {}</c>.
/// </summary>
internal sealed class ProviderRule : ITerraformRule
{
    public IEnumerable<TerraformFinding> Check(TerraformCheckInput input)
    {
        var module = input.Module;
        var terraform = module.OfType("terraform").ToList();
        var pin = terraform
            .SelectMany(t => t.Block.Body.BlocksOfType("required_providers").Select(r => (t.File, Block: r)))
            .Select(r => (r.File, r.Block, Azurerm: r.Block.Body.Attribute("azurerm")))
            .FirstOrDefault(r => r.Azurerm is not null);
        if (pin.Azurerm is null)
        {
            var at = terraform.FirstOrDefault();
            yield return Error(at?.File ?? TerraformFiles.Main, at?.Block.Line ?? 1, TerraformRuleIds.RequiredProviders,
                "No terraform block pins the azurerm provider: add required_providers { azurerm = { source = "
                + "\"hashicorp/azurerm\", version = \"~> 4.0\" } }.");
        }
        else
        {
            foreach (var finding in CheckPin(pin.File, pin.Azurerm))
            {
                yield return finding;
            }
        }

        var provider = module.OfType("provider").FirstOrDefault(p => p.Block.Label(0) == "azurerm");
        if (provider is null)
        {
            yield return Error(TerraformFiles.Main, 1, TerraformRuleIds.ProviderBlock,
                "There is no provider \"azurerm\" block: add one with a features {} block.");
        }
        else if (!provider.Block.Body.BlocksOfType("features").Any())
        {
            yield return Error(provider.File, provider.Block.Line, TerraformRuleIds.ProviderBlock,
                "The provider \"azurerm\" block needs a features {} block.");
        }
    }

    private static IEnumerable<TerraformFinding> CheckPin(string file, HclAttribute azurerm)
    {
        var fields = ObjectFields(azurerm.Value);
        var source = fields.GetValueOrDefault("source");
        if (source is not ("hashicorp/azurerm" or "registry.terraform.io/hashicorp/azurerm"))
        {
            yield return Error(file, azurerm.Line, TerraformRuleIds.RequiredProviders,
                "The azurerm provider must come from source \"hashicorp/azurerm\".");
        }

        if (fields.GetValueOrDefault("version") is not { Length: > 0 } version)
        {
            yield return Error(file, azurerm.Line, TerraformRuleIds.RequiredProviders,
                "The azurerm provider has no version constraint: pin it, for example version = \"~> 4.0\".");
        }
        else if (!version.Contains("~>", StringComparison.Ordinal) && !version.Contains('<')
                 && !char.IsAsciiDigit(version.TrimStart('=', ' ').FirstOrDefault()))
        {
            yield return new TerraformFinding(file, azurerm.Line, TerraformRuleIds.RequiredProviders,
                TerraformFindingLevel.Warning,
                $"The azurerm version constraint \"{version}\" has no upper bound: a new major version may break it.");
        }
    }

    /// <summary>The literal string values of an object expression, by key.</summary>
    internal static Dictionary<string, string> ObjectFields(HclExpression value)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value.Kind != HclExpressionKind.Object)
        {
            return fields;
        }

        for (var i = 0; i + 1 < value.Children.Count; i += 2)
        {
            if (value.Children[i].IsLiteralString && value.Children[i + 1].IsLiteralString)
            {
                fields[value.Children[i].Text!] = value.Children[i + 1].Text!;
            }
        }

        return fields;
    }

    private static TerraformFinding Error(string file, int line, string rule, string message) =>
        new(file, line, rule, TerraformFindingLevel.Error, message);
}
