using Carlos.Contracts.Reports;
using Carlos.Grains.Catalog;

namespace Carlos.Grains.Agents;

/// <summary>Prices a cost analyst's choice of services from the catalog.</summary>
internal sealed class CostEstimator(ServiceCatalog catalog)
{
    public CostReport Estimate(CostAnalysisDraft draft)
    {
        var priced = new List<ServiceCost>();
        var unpriced = new List<string>();
        foreach (var chosen in draft.Services)
        {
            if (catalog.Find(chosen.Service) is not { } service)
            {
                unpriced.Add(chosen.Service);
                continue;
            }

            var sku = ServiceCatalog.SkuFor(service, chosen.Tier);
            var quantity = Math.Max(1, chosen.Quantity);
            priced.Add(new ServiceCost(service.Id, service.Name, sku.Sku, quantity,
                decimal.Round(sku.UnitMonthlyUsd * quantity, 2), service.Category, sku.Price.Region,
                sku.Price.Status, sku.Price.Source, sku.Price.AsOf));
        }

        var total = priced.Sum(p => p.MonthlyCostUsd);
        var byCategory = priced.GroupBy(p => p.Category).ToDictionary(g => g.Key, g => g.Sum(p => p.MonthlyCostUsd));
        var drivers = priced
            .GroupBy(p => p.Name)
            .Select(g => (Name: g.Key, Cost: g.Sum(p => p.MonthlyCostUsd)))
            .OrderByDescending(x => x.Cost)
            .Take(3)
            .Select(x => $"{x.Name}: {x.Cost:0.00} USD a month")
            .ToList();

        return new CostReport(total, total * 12, priced, byCategory, draft.OptimizationOpportunities, drivers,
            unpriced);
    }
}
