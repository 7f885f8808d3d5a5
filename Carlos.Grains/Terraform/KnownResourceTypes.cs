using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Carlos.Grains.BuiltinModel;
using Carlos.Grains.Catalog;

namespace Carlos.Grains.Terraform;

/// <summary>
/// The resource and data source types the check accepts: the main type of every catalog service, and every type
/// the bundled templates declare (the helpers: subnets, diagnostic settings, role assignments and so on). Both
/// sets are read from the catalog and the templates, so a new template's helper types are known without a list.
/// </summary>
internal sealed partial class KnownResourceTypes
{
    private readonly FrozenSet<string> _resources;
    private readonly FrozenSet<string> _dataSources;

    public KnownResourceTypes(ServiceCatalog catalog)
    {
        var templates = TerraformTemplates.Names.Select(TerraformTemplates.Get)
            .Append(TerraformWriter.Header).ToList();
        _resources = catalog.Services.Select(s => s.TerraformType)
            .Concat(templates.SelectMany(t => Declared(t, "resource")))
            .ToFrozenSet(StringComparer.Ordinal);
        _dataSources = templates.SelectMany(t => Declared(t, "data")).ToFrozenSet(StringComparer.Ordinal);
    }

    public IReadOnlySet<string> Resources => _resources;

    public bool IsResource(string type) => _resources.Contains(type);

    public bool IsDataSource(string type) => _dataSources.Contains(type);

    /// <summary>The known resource type nearest to a misspelt one, if one is within three edits.</summary>
    public string? Nearest(string type) => _resources
        .Select(known => (known, distance: Distance(type, known)))
        .Where(c => c.distance <= 3)
        .OrderBy(c => c.distance).ThenBy(c => c.known, StringComparer.Ordinal)
        .Select(c => c.known)
        .FirstOrDefault();

    private static IEnumerable<string> Declared(string template, string kind) =>
        BlockType().Matches(template).Where(m => m.Groups[1].Value == kind).Select(m => m.Groups[2].Value);

    /// <summary>The edit distance (insertions, deletions, substitutions) between two names.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[b.Length];
    }

    [GeneratedRegex("""^\s*(resource|data)\s+"([a-z0-9_]+)"\s""", RegexOptions.Multiline)]
    private static partial Regex BlockType();
}
