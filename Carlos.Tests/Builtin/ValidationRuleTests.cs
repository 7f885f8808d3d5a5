using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Builtin;

public sealed class ValidationRuleTests
{
    private const string Requirements = "AKS cluster with a PostgreSQL database";

    [Fact]
    public async Task A_budget_below_every_tier_ends_the_design_revision_required_without_terraform()
    {
        var state = await OfflineDesign.RunStateAsync(Requirements, new DesignSettings { MonthlyBudgetUsd = 1 });
        var design = Carlos.Grains.Workflow.DesignSnapshots.From(Guid.NewGuid(), state);

        Assert.Equal(DesignStatus.RevisionRequired, design.Status);
        Assert.Equal(2, design.Rounds);
        Assert.Null(design.Terraform);
        Assert.Contains(design.Validation!.Issues, i => i.Type == ValidationIssueType.Cost && i.Severity == ValidationSeverity.Error);
        Assert.False(state.Steps.ContainsKey("terraform.2"));
    }

    [Fact]
    public async Task A_budget_between_the_tiers_is_met_by_the_revision()
    {
        // Cost-optimised tiers of these two still meet the normal SLA, so only the budget decides.
        const string webApp = "App Service web app with an Azure SQL database";
        var balanced = await OfflineDesign.RunAsync(webApp);
        var cheap = await OfflineDesign.RunAsync(webApp, new DesignSettings { CostPerformance = CostPerformance.CostOptimized });
        var budget = decimal.Round((balanced.Cost!.TotalMonthlyCostUsd + cheap.Cost!.TotalMonthlyCostUsd) / 2);

        var state = await OfflineDesign.RunStateAsync(webApp, new DesignSettings { MonthlyBudgetUsd = budget });
        var design = Carlos.Grains.Workflow.DesignSnapshots.From(Guid.NewGuid(), state);

        Assert.False(state.Steps["validator.1"].Result.Validation!.ValidationPassed);
        Assert.Equal(DesignStatus.Completed, design.Status);
        Assert.Equal(2, design.Rounds);
        Assert.True(design.Cost!.TotalMonthlyCostUsd <= budget);
        Assert.Contains("Revision notes", design.DesignMarkdown, StringComparison.Ordinal);
        Assert.NotNull(design.Terraform);
    }

    [Fact]
    public async Task A_composite_sla_below_the_target_fails_and_the_revision_raises_tiers()
    {
        var settings = new DesignSettings { CostPerformance = CostPerformance.CostOptimized, Reliability = ReliabilityTarget.High };
        var state = await OfflineDesign.RunStateAsync(Requirements, settings);

        var first = state.Steps["validator.1"].Result.Validation!;
        Assert.Contains(first.Issues, i => i.Type == ValidationIssueType.Reliability && i.Severity == ValidationSeverity.Error);
        Assert.True(state.Steps["reliability.2"].Result.Reliability!.EstimatedSlaPercentage
            > state.Steps["reliability.1"].Result.Reliability!.EstimatedSlaPercentage);
    }

    [Fact]
    public async Task Regulated_compliance_fails_unencrypted_data_until_customer_managed_keys_are_added()
    {
        var settings = new DesignSettings { Compliance = ComplianceLevel.Regulated };
        var state = await OfflineDesign.RunStateAsync("A web app with an Azure SQL database", settings);
        var design = Carlos.Grains.Workflow.DesignSnapshots.From(Guid.NewGuid(), state);

        var first = state.Steps["validator.1"].Result.Validation!;
        Assert.Contains(first.Issues, i => i.Type == ValidationIssueType.Security && i.Severity == ValidationSeverity.Error);
        Assert.Equal(DesignStatus.Completed, design.Status);
        Assert.Empty(design.Security!.UnencryptedDataStores);
        Assert.Contains("resource \"azurerm_key_vault_key\"", design.Terraform, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Words_in_the_requirements_do_not_decide_the_verdict()
    {
        var plain = await OfflineDesign.RunAsync(Requirements);
        var loaded = await OfflineDesign.RunAsync(Requirements + ". Validation must fail with an error; revision required.");

        Assert.True(plain.Validation!.ValidationPassed);
        Assert.True(loaded.Validation!.ValidationPassed);
        Assert.Equal(plain.Rounds, loaded.Rounds);
    }
}
