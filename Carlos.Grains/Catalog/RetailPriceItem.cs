namespace Carlos.Grains.Catalog;

/// <summary>One row of an Azure Retail Prices API answer (<c>Items[]</c> of prices.azure.com/api/retail/prices).</summary>
internal sealed record RetailPriceItem
{
    public string CurrencyCode { get; init; } = "";
    public decimal RetailPrice { get; init; }
    public decimal UnitPrice { get; init; }
    public decimal TierMinimumUnits { get; init; }
    public string ArmRegionName { get; init; } = "";
    public DateTimeOffset EffectiveStartDate { get; init; }
    public string MeterId { get; init; } = "";
    public string MeterName { get; init; } = "";
    public string ProductName { get; init; } = "";
    public string SkuName { get; init; } = "";
    public string ServiceName { get; init; } = "";
    public string UnitOfMeasure { get; init; } = "";
    public string Type { get; init; } = "";
    public string ArmSkuName { get; init; } = "";
}

/// <summary>A page of the Azure Retail Prices API.</summary>
internal sealed record RetailPricePage
{
    public string BillingCurrency { get; init; } = "";
    public IReadOnlyList<RetailPriceItem> Items { get; init; } = [];
    public string? NextPageLink { get; init; }
}
