using System.Globalization;
using System.Text.Json;

namespace Carlos.Grains.Catalog;

/// <summary>
/// Updates catalog prices from Azure Retail Prices API pages. A SKU is updated only when exactly its meter (service,
/// ARM SKU, meter and product names, region, unit of measure) is found among pay-as-you-go consumption rows; the price
/// then becomes <c>published</c>, dated by the meter's effective start date.
/// </summary>
internal static class RetailPriceImporter
{
    private static readonly JsonSerializerOptions ApiJson = new(JsonSerializerDefaults.Web);

    public static RetailPricePage ParsePage(Stream json) =>
        JsonSerializer.Deserialize<RetailPricePage>(json, ApiJson)
        ?? throw new InvalidDataException("The retail prices file is empty.");

    public static ImportResult Import(CatalogDocument catalog, IEnumerable<RetailPriceItem> items)
    {
        var rows = items
            .Where(i => string.Equals(i.Type, "Consumption", StringComparison.OrdinalIgnoreCase)
                && string.Equals(i.CurrencyCode, catalog.Currency, StringComparison.OrdinalIgnoreCase)
                && i.TierMinimumUnits == 0)
            .ToList();
        var changes = new List<PriceChange>();

        var services = catalog.Services.Select(service => service with
        {
            Skus = service.Skus.ToDictionary(tier => tier.Key, tier =>
            {
                var updated = Reprice(tier.Value, rows);
                if (updated != tier.Value)
                {
                    changes.Add(new(service.Id, tier.Key, tier.Value.Price.UnitPriceUsd, updated.Price.UnitPriceUsd));
                }

                return updated;
            }),
        }).ToList();

        return new ImportResult(catalog with { Services = services }, changes);
    }

    private static CatalogSku Reprice(CatalogSku sku, IReadOnlyList<RetailPriceItem> rows)
    {
        var meter = sku.Price.RetailMeter;
        if (meter is null)
        {
            return sku;
        }

        var match = rows
            .Where(r => Same(r.ServiceName, meter.ServiceName)
                && Same(r.ArmRegionName, sku.Price.Region)
                && Same(r.UnitOfMeasure, sku.Price.UnitOfMeasure)
                && (meter.ArmSkuName is null || Same(r.ArmSkuName, meter.ArmSkuName))
                && (meter.MeterName is null || Same(r.MeterName, meter.MeterName))
                && (meter.ProductName is null || Same(r.ProductName, meter.ProductName)))
            .OrderByDescending(r => r.EffectiveStartDate)
            .FirstOrDefault();
        if (match is null)
        {
            return sku;
        }

        var price = sku.Price with
        {
            UnitPriceUsd = match.RetailPrice,
            AsOf = match.EffectiveStartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Source = $"https://prices.azure.com/api/retail/prices (meterId {match.MeterId})",
            Status = "published",
        };
        return sku with { Price = price, UnitMonthlyUsd = decimal.Round(match.RetailPrice * price.UnitsPerMonth, 2) };
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The catalog after an import, and what changed.</summary>
internal sealed record ImportResult(CatalogDocument Catalog, IReadOnlyList<PriceChange> Changes);

/// <summary>One SKU whose unit price was replaced by a published figure.</summary>
internal sealed record PriceChange(string ServiceId, string Tier, decimal OldUnitPriceUsd, decimal NewUnitPriceUsd);
