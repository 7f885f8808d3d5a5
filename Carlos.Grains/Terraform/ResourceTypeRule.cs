using Carlos.Contracts.Reports;

namespace Carlos.Grains.Terraform;

/// <summary>
/// Every resource is of a type Carlos knows: a catalog service's type or a helper type of the bundled templates.
/// A data source of another type only warns, unless the execution rule already forbids it.
/// </summary>
internal sealed class ResourceTypeRule : ITerraformRule
{
    public IEnumerable<TerraformFinding> Check(TerraformCheckInput input)
    {
        foreach (var (file, block) in input.Module.Blocks)
        {
            if (block.Type is not ("resource" or "data"))
            {
                continue;
            }

            if (block.Labels.Count != 2)
            {
                yield return new TerraformFinding(file, block.Line, TerraformRuleIds.KnownResourceType,
                    TerraformFindingLevel.Error, $"A {block.Type} block takes two labels, a type and a name.");
                continue;
            }

            var type = block.Labels[0];
            if (block.Type == "resource" && !input.KnownTypes.IsResource(type))
            {
                var nearest = input.KnownTypes.Nearest(type);
                yield return new TerraformFinding(file, block.Line, TerraformRuleIds.KnownResourceType,
                    TerraformFindingLevel.Error,
                    $"The resource type \"{type}\" is not one Carlos knows"
                    + (nearest is null ? "." : $"; did you mean \"{nearest}\"?"));
            }
            else if (block.Type == "data" && !input.KnownTypes.IsDataSource(type)
                     && !RemoteExecutionRule.IsFetchingDataSource(type))
            {
                yield return new TerraformFinding(file, block.Line, TerraformRuleIds.KnownResourceType,
                    TerraformFindingLevel.Warning, $"The data source type \"{type}\" is not one Carlos knows.");
            }
        }
    }
}
