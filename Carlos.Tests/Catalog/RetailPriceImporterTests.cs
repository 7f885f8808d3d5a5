using Carlos.Grains.Catalog;

namespace Carlos.Tests.Catalog;

public sealed class RetailPriceImporterTests
{
    private static RetailPricePage Fixture()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "retail-prices-vm.json"));
        return RetailPriceImporter.ParsePage(stream);
    }

    [Fact]
    public void The_matching_pay_as_you_go_meter_replaces_the_price_and_marks_it_published()
    {
        var catalog = ServiceCatalog.LoadBundled().Document;

        var result = RetailPriceImporter.Import(catalog, Fixture().Items);

        var change = Assert.Single(result.Changes);
        Assert.Equal(("virtual_machines", "balanced"), (change.ServiceId, change.Tier));
        var sku = result.Catalog.Services.Single(s => s.Id == "virtual_machines").Skus["balanced"];
        Assert.Equal(0.0998m, sku.Price.UnitPriceUsd);
        Assert.Equal(decimal.Round(0.0998m * sku.Price.UnitsPerMonth, 2), sku.UnitMonthlyUsd);
        Assert.Equal("published", sku.Price.Status);
        Assert.Equal("2026-06-01", sku.Price.AsOf);
        Assert.Contains("fixture-d2sv5-eastus", sku.Price.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Spot_reservation_and_other_region_rows_are_ignored_and_other_skus_keep_their_prices()
    {
        var catalog = ServiceCatalog.LoadBundled().Document;

        var result = RetailPriceImporter.Import(catalog, Fixture().Items);

        var before = catalog.Services.Single(s => s.Id == "virtual_machines").Skus["cost_optimized"];
        var after = result.Catalog.Services.Single(s => s.Id == "virtual_machines").Skus["cost_optimized"];
        Assert.Equal(before, after);
        Assert.Equal(catalog.Services.Count, result.Catalog.Services.Count);
    }

    [Fact]
    public void The_command_writes_a_catalog_that_loads_again()
    {
        var output = Path.Combine(Path.GetTempPath(), $"catalog-{Guid.NewGuid():N}.json");
        var source = Path.Combine(Path.GetTempPath(), $"source-{Guid.NewGuid():N}.json");
        try
        {
            using (var bundled = typeof(ServiceCatalog).Assembly.GetManifestResourceStream("Carlos.Catalog.azure-catalog.json")!)
            using (var file = File.Create(source))
            {
                bundled.CopyTo(file);
            }

            var fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "retail-prices-vm.json");
            var stdout = new StringWriter();
            var code = Carlos.Silo.ImportPricesCommand.Run([fixture, "--catalog", source, "--out", output], stdout, new StringWriter());

            Assert.Equal(0, code);
            Assert.Contains("1 price(s) updated", stdout.ToString(), StringComparison.Ordinal);
            using var written = File.OpenRead(output);
            var reloaded = new ServiceCatalog(ServiceCatalog.Parse(written));
            Assert.Equal(0.0998m, reloaded.Get("virtual_machines").Skus["balanced"].Price.UnitPriceUsd);
        }
        finally
        {
            File.Delete(output);
            File.Delete(source);
        }
    }
}
