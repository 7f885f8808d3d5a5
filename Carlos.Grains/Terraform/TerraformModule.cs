using Carlos.Contracts.Reports;

namespace Carlos.Grains.Terraform;

/// <summary>A block of a module together with the file it is in.</summary>
internal sealed record TerraformBlock(string File, HclBlock Block);

/// <summary>An attribute anywhere in a module, with its file and the blocks around it, outermost first.</summary>
internal sealed record TerraformAttribute(string File, IReadOnlyList<HclBlock> Blocks, HclAttribute Attribute)
{
    public HclBlock Owner => Blocks[0];

    public HclBlock Parent => Blocks[^1];
}

/// <summary>
/// The files of one Terraform module, parsed, with what they declare: resources, data sources, variables, locals
/// and modules, by the address other code refers to them with (<c>azurerm_subnet.primary_app</c>,
/// <c>data.azurerm_client_config.current</c>, <c>var.location</c>, <c>local.x</c>, <c>module.network</c>).
/// </summary>
internal sealed class TerraformModule
{
    private TerraformModule(IReadOnlyList<HclFile> files)
    {
        Files = files;
        Blocks = files.SelectMany(f => f.Body.Blocks.Select(b => new TerraformBlock(f.Name, b))).ToList();
        Declared = new HashSet<string>(Blocks.SelectMany(Addresses), StringComparer.Ordinal);
    }

    public IReadOnlyList<HclFile> Files { get; }

    /// <summary>The top-level blocks of every file.</summary>
    public IReadOnlyList<TerraformBlock> Blocks { get; }

    /// <summary>Every address a reference may resolve to.</summary>
    public IReadOnlySet<string> Declared { get; }

    public bool IsValid => Files.All(f => f.IsValid);

    public static TerraformModule Parse(string joined) =>
        new(TerraformFiles.Split(joined).Select(f => HclParser.Parse(f.Name, f.Text)).ToList());

    public IEnumerable<TerraformBlock> OfType(string type) => Blocks.Where(b => b.Block.Type == type);

    /// <summary>Resource types the module declares resources of.</summary>
    public IEnumerable<string> ResourceTypes =>
        OfType("resource").Select(b => b.Block.Label(0)).OfType<string>().Distinct(StringComparer.Ordinal);

    /// <summary>Every attribute of every block, nested blocks included, in source order per block.</summary>
    public IEnumerable<TerraformAttribute> Attributes() =>
        Blocks.SelectMany(b => AttributesIn(b.File, [b.Block]));

    private static IEnumerable<TerraformAttribute> AttributesIn(string file, IReadOnlyList<HclBlock> path)
    {
        var block = path[^1];
        foreach (var attribute in block.Body.Attributes)
        {
            yield return new TerraformAttribute(file, path, attribute);
        }

        foreach (var child in block.Body.Blocks)
        {
            foreach (var nested in AttributesIn(file, [.. path, child]))
            {
                yield return nested;
            }
        }
    }

    private static IEnumerable<string> Addresses(TerraformBlock declaration)
    {
        var block = declaration.Block;
        switch (block.Type)
        {
            case "resource" when block.Labels.Count == 2:
                yield return $"{block.Labels[0]}.{block.Labels[1]}";
                break;
            case "data" when block.Labels.Count == 2:
                yield return $"data.{block.Labels[0]}.{block.Labels[1]}";
                break;
            case "variable" when block.Labels.Count == 1:
                yield return $"var.{block.Labels[0]}";
                break;
            case "module" when block.Labels.Count == 1:
                yield return $"module.{block.Labels[0]}";
                break;
            case "locals":
                foreach (var local in block.Body.Attributes)
                {
                    yield return $"local.{local.Name}";
                }

                break;
        }
    }
}
