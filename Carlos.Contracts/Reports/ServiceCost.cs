namespace Carlos.Contracts.Reports;

/// <summary>
/// One priced line of a cost report. <see cref="MonthlyCostUsd"/> comes from the service catalog, never from model
/// prose; <see cref="PriceStatus"/> says whether the catalog's figure was checked against a published price.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.ServiceCost")]
public sealed record ServiceCost(
    [property: Id(0)] string ServiceId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Sku,
    [property: Id(3)] int Quantity,
    [property: Id(4)] decimal MonthlyCostUsd,
    [property: Id(5)] ServiceCategory Category,
    [property: Id(6)] string Region,
    [property: Id(7)] string PriceStatus,
    [property: Id(8)] string PriceSource,
    [property: Id(9)] string PriceAsOf);
