using System.Text.Json;
using Carlos.Contracts.Serialization;
using Carlos.Grains.Catalog;

namespace Carlos.Silo;

/// <summary>
/// <c>Carlos.Silo import-prices PRICES.json... [--catalog FILE] [--out FILE]</c>: updates the catalog's prices from
/// files saved from the Azure Retail Prices API and prints what changed.
/// </summary>
internal static class ImportPricesCommand
{
    public const string Name = "import-prices";
    private const string DefaultCatalog = "Carlos.Grains/Catalog/azure-catalog.json";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var catalogPath = DefaultCatalog;
        string? outPath = null;
        var pricePaths = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--catalog" when i + 1 < args.Length: catalogPath = args[++i]; break;
                case "--out" when i + 1 < args.Length: outPath = args[++i]; break;
                default: pricePaths.Add(args[i]); break;
            }
        }

        if (pricePaths.Count == 0)
        {
            error.WriteLine($"usage: {Name} PRICES.json... [--catalog FILE] [--out FILE]");
            return 2;
        }

        try
        {
            CatalogDocument catalog;
            using (var stream = File.OpenRead(catalogPath))
            {
                catalog = ServiceCatalog.Parse(stream);
            }

            var items = pricePaths.SelectMany(path =>
            {
                using var stream = File.OpenRead(path);
                return RetailPriceImporter.ParsePage(stream).Items;
            }).ToList();

            var result = RetailPriceImporter.Import(catalog, items);
            var json = JsonSerializer.Serialize(result.Catalog, new JsonSerializerOptions(CarlosJson.Options) { WriteIndented = true });
            File.WriteAllText(outPath ?? catalogPath, json + Environment.NewLine);
            foreach (var change in result.Changes)
            {
                output.WriteLine($"{change.ServiceId} {change.Tier}: {change.OldUnitPriceUsd} -> {change.NewUnitPriceUsd} USD per unit");
            }

            output.WriteLine($"{result.Changes.Count} price(s) updated from {items.Count} retail price row(s).");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidDataException or UnauthorizedAccessException)
        {
            error.WriteLine($"{Name}: {ex.Message}");
            return 1;
        }
    }
}
