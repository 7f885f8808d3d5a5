using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Serialization;

namespace Carlos.Grains.Catalog;

/// <summary>
/// The Azure services the built-in model designs with and every agent prices from. Loaded once from the bundled
/// <c>azure-catalog.json</c>; its version is part of what identifies a design's output.
/// </summary>
internal sealed partial class ServiceCatalog
{
    private const string ResourceName = "Carlos.Catalog.azure-catalog.json";

    private readonly FrozenDictionary<string, CatalogService> _byId;
    private readonly IReadOnlyList<(Regex Pattern, CatalogService Service)> _keywords;

    public ServiceCatalog(CatalogDocument document)
    {
        Document = document;
        _byId = document.Services.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        _keywords = document.Services
            .SelectMany(s => s.Keywords.Select(k => (KeywordPattern(k), s)))
            .ToList();
    }

    public CatalogDocument Document { get; }

    public string Version => Document.CatalogVersion;

    public IReadOnlyList<CatalogService> Services => Document.Services;

    public static ServiceCatalog LoadBundled()
    {
        using var stream = typeof(ServiceCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The catalog resource {ResourceName} is missing from the build.");
        return new ServiceCatalog(Parse(stream));
    }

    public static CatalogDocument Parse(Stream json) =>
        JsonSerializer.Deserialize<CatalogDocument>(json, CarlosJson.Options)
        ?? throw new InvalidDataException("The catalog file is empty.");

    public bool TryGet(string id, out CatalogService service) => _byId.TryGetValue(id, out service!);

    public CatalogService Get(string id) =>
        _byId.TryGetValue(id, out var service) ? service : throw new KeyNotFoundException($"No catalog service {id}.");

    /// <summary>Finds a service by its id or by its display name, ignoring case.</summary>
    public CatalogService? Find(string idOrName) =>
        _byId.TryGetValue(idOrName, out var byId) ? byId
            : Document.Services.FirstOrDefault(s => string.Equals(s.Name, idOrName, StringComparison.OrdinalIgnoreCase));

    /// <summary>The services whose keywords occur in the text as whole words, in catalog order.</summary>
    public IReadOnlyList<CatalogService> Match(string text)
    {
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (pattern, service) in _keywords)
        {
            if (!matched.Contains(service.Id) && pattern.IsMatch(text))
            {
                matched.Add(service.Id);
            }
        }

        return Document.Services.Where(s => matched.Contains(s.Id)).ToList();
    }

    /// <summary>The SKU a service uses under a cost/performance profile.</summary>
    public static CatalogSku SkuFor(CatalogService service, CostPerformance profile) =>
        service.Skus.TryGetValue(CarlosJson.WireName(profile), out var sku)
            ? sku
            : throw new InvalidDataException($"Catalog service {service.Id} has no {profile} SKU.");

    private static Regex KeywordPattern(string keyword)
    {
        var words = Whitespace().Split(keyword.Trim()).Select(Regex.Escape);
        return new Regex($@"(?<![\p{{L}}\p{{N}}]){string.Join(@"[\s\-_]+", words)}(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
