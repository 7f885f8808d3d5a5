using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Carlos.Grains.Catalog;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Builtin;

public sealed class BuiltinModelTests
{
    public static TheoryData<string> Requirements => new()
    {
        "AKS cluster with monitoring and a PostgreSQL database",
        "A public web app on App Service with an Azure SQL database and Redis cache for sessions",
        "Serverless functions triggered by a Service Bus queue that write documents to Cosmos DB",
        "Kubernetes microservices with a container registry, API Management and a MySQL database",
        "Ingest clickstream with Event Hubs, analyse with Stream Analytics and keep history in a data lake",
        "A chatbot using Azure OpenAI GPT-4o with AI Search over PDF files in blob storage",
        "IoT devices send telemetry over MQTT to IoT Hub; alerts go through Event Grid webhooks",
        "Nightly ETL with Data Factory into Synapse data warehouse for Power BI reporting",
        "Spark notebooks on Databricks reading Parquet from ADLS Gen2",
        "Lift and shift two Windows line-of-business VMs behind a load balancer",
        "Static website for a marketing site with a CDN and a serverless API",
        "Container apps running a Python API with Dapr and PostgreSQL with pgvector",
        "An e-commerce site with front door WAF, app service, SQL database and Redis cache",
        "Event-driven order processing with Service Bus topics, Functions and Cosmos DB",
        "Hub and spoke network with Azure Firewall for egress filtering and an application gateway",
        "Multi-tenant SaaS API on AKS with Cosmos DB, Key Vault for secrets and Application Insights tracing",
        "A WordPress blog with MySQL and blob storage for media",
        "Real-time analytics on sensor telemetry with Event Hubs and Stream Analytics into Cosmos DB",
        "Document search portal: web app plus cognitive search index and storage account",
        "GPU-free batch scoring of a machine learning model in container apps with a message queue",
        "A REST API on App Service with an API gateway, PostgreSQL and distributed tracing",
    };

    [Theory]
    [MemberData(nameof(Requirements))]
    public async Task Every_matched_service_is_in_the_design_the_priced_cost_report_and_the_terraform(string requirements)
    {
        var design = await OfflineDesign.RunAsync(requirements);

        var matched = OfflineDesign.Catalog.Match(requirements).Select(s => s.Id).ToList();
        Assert.NotEmpty(matched);
        var components = OfflineDesign.ComponentIds(design);
        Assert.All(matched, id => Assert.Contains(id, components));

        Assert.NotNull(design.Cost);
        foreach (var id in matched)
        {
            var line = Assert.Single(design.Cost!.Services, s => s.ServiceId == id);
            var sku = ServiceCatalog.SkuFor(OfflineDesign.Catalog.Get(id), design.Settings.CostPerformance);
            Assert.Equal(decimal.Round(sku.UnitMonthlyUsd * line.Quantity, 2), line.MonthlyCostUsd);
            Assert.Equal(sku.Price.Source, line.PriceSource);
        }

        Assert.Equal(design.Cost!.Services.Sum(s => s.MonthlyCostUsd), design.Cost.TotalMonthlyCostUsd);
        Assert.Equal(DesignStatus.Completed, design.Status);
        Assert.Contains("```mermaid\nflowchart", design.DesignMarkdown!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        foreach (var id in matched)
        {
            Assert.Contains($"resource \"{OfflineDesign.Catalog.Get(id).TerraformType}\"", design.Terraform, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Strict_compliance_adds_private_endpoints_and_customer_managed_keys()
    {
        const string requirements = "A web app with an Azure SQL database and blob storage";
        var standard = await OfflineDesign.RunAsync(requirements);
        var strict = await OfflineDesign.RunAsync(requirements, new DesignSettings { Compliance = ComplianceLevel.Strict });

        Assert.DoesNotContain("private_endpoint", OfflineDesign.ComponentIds(standard));
        Assert.Contains("private_endpoint", OfflineDesign.ComponentIds(strict));
        Assert.Contains("resource \"azurerm_private_endpoint\"", strict.Terraform, StringComparison.Ordinal);
        Assert.Contains("resource \"azurerm_key_vault_key\"", strict.Terraform, StringComparison.Ordinal);
        Assert.DoesNotContain("resource \"azurerm_key_vault_key\"", standard.Terraform, StringComparison.Ordinal);
        Assert.Empty(strict.Security!.UnencryptedDataStores);
        Assert.NotEmpty(standard.Security!.UnencryptedDataStores);
        Assert.Contains(standard.Security.Findings, f => f.Title == "Data stores reachable over public endpoints");
        Assert.DoesNotContain(strict.Security.Findings, f => f.Title == "Data stores reachable over public endpoints");
    }

    [Fact]
    public async Task Extreme_reliability_adds_a_second_region_and_raises_the_composite_sla()
    {
        const string requirements = "AKS cluster with a PostgreSQL database";
        var normal = await OfflineDesign.RunAsync(requirements);
        var extreme = await OfflineDesign.RunAsync(requirements, new DesignSettings { Reliability = ReliabilityTarget.Extreme });

        Assert.Equal(1, normal.Reliability!.Regions);
        Assert.Equal(2, extreme.Reliability!.Regions);
        Assert.True(extreme.Reliability.EstimatedSlaPercentage > normal.Reliability.EstimatedSlaPercentage);
        Assert.Contains("azurerm_resource_group\" \"secondary\"", extreme.Terraform, StringComparison.Ordinal);
        Assert.True(extreme.Cost!.TotalMonthlyCostUsd > normal.Cost!.TotalMonthlyCostUsd);
    }

    [Fact]
    public async Task Cost_performance_changes_the_skus_and_the_price()
    {
        const string requirements = "App Service web app with an Azure SQL database";
        var cheap = await OfflineDesign.RunAsync(requirements, new DesignSettings { CostPerformance = CostPerformance.CostOptimized });
        var fast = await OfflineDesign.RunAsync(requirements, new DesignSettings { CostPerformance = CostPerformance.PerformanceOptimized });

        Assert.True(fast.Cost!.TotalMonthlyCostUsd > cheap.Cost!.TotalMonthlyCostUsd);
        Assert.NotEqual(cheap.Cost.Services.Single(s => s.ServiceId == "azure_sql").Sku,
            fast.Cost.Services.Single(s => s.ServiceId == "azure_sql").Sku);
    }

    [Fact]
    public async Task Answers_are_deterministic()
    {
        var first = await OfflineDesign.RunAsync("Functions with Cosmos DB and Event Grid");
        var second = await OfflineDesign.RunAsync("Functions with Cosmos DB and Event Grid");

        Assert.Equal(first.DesignMarkdown, second.DesignMarkdown);
        Assert.Equal(first.Terraform, second.Terraform);
        Assert.Equal(first.Cost, second.Cost, new JsonEquality<CostReport?>());
    }

    [Fact]
    public async Task The_design_says_it_was_written_offline()
    {
        var design = await OfflineDesign.RunAsync("AKS with PostgreSQL");

        Assert.Contains("built-in offline model", design.DesignMarkdown, StringComparison.Ordinal);
        Assert.Contains("no language model was called", design.DesignMarkdown, StringComparison.Ordinal);
    }
}
