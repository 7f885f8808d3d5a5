using Carlos.Contracts.Designs;
using Carlos.Grains.BuiltinModel;
using Carlos.Grains.Catalog;

namespace Carlos.Tests.Catalog;

public sealed class CatalogTests
{
    private static readonly ServiceCatalog Catalog = ServiceCatalog.LoadBundled();

    [Fact]
    public void Every_service_has_a_priced_sku_for_each_profile_with_its_provenance()
    {
        Assert.True(Catalog.Services.Count >= 30);
        foreach (var service in Catalog.Services)
        {
            foreach (var profile in Enum.GetValues<CostPerformance>())
            {
                var sku = ServiceCatalog.SkuFor(service, profile);
                Assert.InRange(sku.UnitMonthlyUsd, 0m, 100_000m);
                Assert.Equal(decimal.Round(sku.Price.UnitPriceUsd * sku.Price.UnitsPerMonth, 2), decimal.Round(sku.UnitMonthlyUsd, 2));
                Assert.Contains(sku.Price.Status, new[] { "published", "unverified" });
                Assert.Contains(sku.Sla.Status, new[] { "published", "unverified" });
                Assert.False(string.IsNullOrWhiteSpace(sku.Price.Region));
                Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", sku.Price.AsOf);
                Assert.StartsWith("https://", sku.Price.Source, StringComparison.Ordinal);
                Assert.InRange(sku.SlaPercent, 90, 99.999);
            }
        }
    }

    [Fact]
    public void Every_service_has_a_terraform_template_and_alternatives_that_exist()
    {
        foreach (var service in Catalog.Services)
        {
            Assert.NotEmpty(TerraformTemplates.Get(service.Id));
            Assert.StartsWith("azurerm_", service.TerraformType, StringComparison.Ordinal);
            Assert.All(service.Alternatives, a => Assert.True(Catalog.TryGet(a, out _), $"{service.Id} names unknown {a}"));
        }
    }

    [Fact]
    public void Every_scenario_names_catalog_services()
    {
        Assert.All(ScenarioPresets.All.SelectMany(p => p.TypicalServices),
            id => Assert.True(Catalog.TryGet(id, out _), id));
    }

    [Theory]
    [InlineData("We run Kubernetes with Postgres", "aks", "postgresql")]
    [InlineData("a REDIS cache in front of cosmos db", "redis_cache", "cosmos_db")]
    public void Keywords_match_whole_words_regardless_of_case(string text, string first, string second)
    {
        var ids = Catalog.Match(text).Select(s => s.Id).ToList();

        Assert.Contains(first, ids);
        Assert.Contains(second, ids);
    }

    [Fact]
    public void Keywords_do_not_match_inside_other_words()
    {
        Assert.DoesNotContain(Catalog.Match("The request was queued and the vmware team approved"), s => s.Id is "service_bus" or "virtual_machines");
    }
}
