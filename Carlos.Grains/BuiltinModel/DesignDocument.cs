using System.Globalization;
using System.Text.RegularExpressions;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Serialization;

namespace Carlos.Grains.BuiltinModel;

/// <summary>
/// Reads a design plan back from the component table and the choices list of a built-in design document. Anything
/// the table does not state is not part of the design.
/// </summary>
internal static partial class DesignDocument
{
    public const string ComponentsHeading = "## Components";
    public const string ChoicesHeading = "## Design choices";

    public static DesignPlan Parse(string markdown)
    {
        var components = ComponentRow().Matches(markdown)
            .Select(m => new PlannedComponent(
                ServiceId: m.Groups["id"].Value,
                Name: m.Groups["name"].Value.Trim(),
                Tier: ParseTier(m.Groups["tier"].Value),
                Sku: m.Groups["sku"].Value.Trim(),
                Quantity: int.Parse(m.Groups["qty"].Value, CultureInfo.InvariantCulture),
                Region: m.Groups["region"].Value))
            .ToList();

        var regions = Choice(markdown, "Regions") is { } r && int.TryParse(r, CultureInfo.InvariantCulture, out var n)
            ? n : 1;
        return new DesignPlan(components, regions,
            PrivateEndpoints: Choice(markdown, "Private endpoints") == "yes",
            CustomerManagedKeys: Choice(markdown, "Customer-managed keys") == "yes");
    }

    public static string TierName(CostPerformance tier) => CarlosJson.WireName(tier);

    private static CostPerformance ParseTier(string wire) => wire switch
    {
        "cost_optimized" => CostPerformance.CostOptimized,
        "performance_optimized" => CostPerformance.PerformanceOptimized,
        _ => CostPerformance.Balanced,
    };

    private static string? Choice(string markdown, string name)
    {
        var match = Regex.Match(markdown, $@"^- {Regex.Escape(name)}: (?<value>[\w-]+)", RegexOptions.Multiline,
            TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups["value"].Value : null;
    }

    [GeneratedRegex(
        @"^\| (?<name>[^|]+) \| `(?<id>[a-z_]+)` \| (?<tier>[a-z_]+) \| (?<sku>[^|]+) \| (?<qty>\d+) \| (?<region>[a-z]+) \|",
        RegexOptions.Multiline)]
    private static partial Regex ComponentRow();
}
