using Carlos.Contracts.Reports;

namespace Carlos.Grains.Catalog;

/// <summary>The bundled catalog file as it is stored (<c>azure-catalog.json</c>).</summary>
internal sealed record CatalogDocument(
    string CatalogVersion,
    string Currency,
    string DefaultRegion,
    int HoursPerMonth,
    IReadOnlyList<CatalogService> Services);

/// <summary>One Azure service the built-in model knows, with a priced SKU for each cost/performance profile.</summary>
internal sealed record CatalogService(
    string Id,
    string Name,
    ServiceCategory Category,
    IReadOnlyList<string> Keywords,
    string TerraformType,
    string? PrivateLinkSubresource,
    IReadOnlyList<string> Alternatives,
    bool SelfManaged,
    IReadOnlyDictionary<string, CatalogSku> Skus)
{
    /// <summary>The public page that relates a service to its <see cref="Alternatives"/>, which the rival draws on.</summary>
    public string? AlternativesSource { get; init; }
}

/// <summary>A SKU of a service and its list price per unit.</summary>
internal sealed record CatalogSku(
    string Sku,
    int Quantity,
    decimal UnitMonthlyUsd,
    double SlaPercent,
    CatalogPrice Price,
    CatalogSla Sla);

/// <summary>Where a price came from. <see cref="Status"/> is <c>published</c> or <c>unverified</c>.</summary>
internal sealed record CatalogPrice(
    string Region,
    string AsOf,
    string Source,
    string Status,
    decimal UnitPriceUsd,
    string UnitOfMeasure,
    decimal UnitsPerMonth,
    RetailMeter? RetailMeter);

/// <summary>The Azure Retail Prices API fields that identify a SKU's meter.</summary>
internal sealed record RetailMeter(
    string ServiceName,
    string? ArmSkuName,
    string? MeterName,
    string? ProductName);

/// <summary>Where an SLA figure came from.</summary>
internal sealed record CatalogSla(
    double Percent,
    string AsOf,
    string Source,
    string Status);
