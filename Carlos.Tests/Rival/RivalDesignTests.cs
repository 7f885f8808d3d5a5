using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Carlos.Grains.Agents;
using Carlos.Grains.Model;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Rival;

/// <summary>The rival design and the choice, with the real pipeline and the built-in model, without a cluster.</summary>
public sealed class RivalDesignTests
{
    public static TheoryData<string, string> VariedRequirements() => new()
    {
        { "AKS cluster with monitoring and a PostgreSQL database", "custom" },
        { "Azure Functions that read from Cosmos DB", "custom" },
        { "Two virtual machines running a legacy line-of-business app with Azure SQL", "custom" },
        { "A web shop for our customers", "public_web_app" },
        { "Nightly sales files into reports", "data_pipeline" },
        { "Orders are processed as they arrive", "event_driven" },
        { "Ten services for our booking platform", "microservices" },
        { "A chat assistant over our handbooks", "ai_assistant" },
        { "Sensor readings from 5,000 devices", "iot_telemetry" },
    };

    [Theory]
    [MemberData(nameof(VariedRequirements))]
    public async Task The_rival_differs_from_the_lead_in_services_and_cost(string requirements, string scenario)
    {
        ScenarioPresets.TryGet(scenario, out var preset);

        var design = await OfflineDesign.RunAsync(requirements, preset!.Defaults, rival: true);

        var rival = design.Rival!;
        var lead = OfflineDesign.ComponentIds(design).Order().ToList();
        var alternative = OfflineDesign.ComponentIds(design with { DesignMarkdown = rival.DesignMarkdown }).Order().ToList();
        Assert.NotEqual(lead, alternative);
        Assert.NotEqual(design.Cost!.TotalMonthlyCostUsd, rival.Cost!.TotalMonthlyCostUsd);
        Assert.Contains("This is the rival design", rival.DesignMarkdown, StringComparison.Ordinal);
        Assert.DoesNotContain("This is the rival design", design.DesignMarkdown, StringComparison.Ordinal);
        Assert.Equal(DesignCandidate.Rival, rival.Candidate);
        Assert.NotNull(rival.Security);
        Assert.NotNull(rival.Reliability);
        Assert.NotNull(rival.Validation);
    }

    [Fact]
    public void Every_alternative_the_rival_draws_on_is_a_catalog_service_with_a_public_source()
    {
        var related = OfflineDesign.Catalog.Services.Where(s => s.Alternatives.Count > 0).ToList();

        Assert.NotEmpty(related);
        Assert.All(related, s =>
        {
            Assert.StartsWith("https://learn.microsoft.com/azure/", s.AlternativesSource, StringComparison.Ordinal);
            Assert.All(s.Alternatives, a => Assert.True(OfflineDesign.Catalog.TryGet(a, out _), $"{s.Id} names {a}"));
        });
    }

    [Fact]
    public async Task Over_the_scenarios_the_composite_SLA_differs_too_somewhere()
    {
        var differing = 0;
        foreach (var preset in ScenarioPresets.All.Where(p => p.Id != ScenarioPresets.Custom))
        {
            var design = await OfflineDesign.RunAsync("A system for our company", preset.Defaults, rival: true);
            differing += design.Reliability!.EstimatedSlaPercentage != design.Rival!.Reliability!.EstimatedSlaPercentage ? 1 : 0;
        }

        Assert.True(differing >= 2, $"the SLA differed in {differing} scenario(s)");
    }

    [Fact]
    public async Task The_Terraform_follows_the_chosen_design()
    {
        // Nothing named but the scenario: the rival's Container Apps and catalog alternatives come out cheaper.
        var design = await OfflineDesign.RunAsync("Nightly sales files into reports",
            ScenarioDefaults("data_pipeline"), rival: true);

        Assert.Equal(DesignStatus.Completed, design.Status);
        var chosen = design.Choice!.Chosen == DesignCandidate.Lead ? design.DesignMarkdown : design.Rival!.DesignMarkdown;
        var other = design.Choice.Chosen == DesignCandidate.Lead ? design.Rival!.DesignMarkdown : design.DesignMarkdown;
        var only = OfflineDesign.ComponentIds(design with { DesignMarkdown = chosen })
            .Except(OfflineDesign.ComponentIds(design with { DesignMarkdown = other })).ToList();
        Assert.NotEmpty(only);
        foreach (var id in only)
        {
            Assert.Contains($"resource \"{OfflineDesign.Catalog.Get(id).TerraformType}\"", design.Terraform, StringComparison.Ordinal);
        }

        var chosenName = Contracts.Serialization.CarlosJson.WireName(design.Choice.Chosen);
        Assert.Contains(design.Steps, s => s.Step == $"terraform.{chosenName}");
        Assert.DoesNotContain(design.Steps, s => s.Agent == "terraform" && s.Step != $"terraform.{chosenName}");
        Assert.True(design.TerraformPassing);
        Assert.False(design.Choice.Overruled);
        Assert.NotEmpty(design.Choice.Reasons);
        Assert.Contains("## Choice", design.Recommendation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_design_that_keeps_the_services_the_user_named_is_preferred()
    {
        var design = await OfflineDesign.RunAsync("AKS cluster with monitoring and a PostgreSQL database", rival: true);

        // The rival swaps AKS for Container Apps and is cheaper, yet the user asked for AKS.
        Assert.True(design.Rival!.Cost!.TotalMonthlyCostUsd < design.Cost!.TotalMonthlyCostUsd);
        Assert.Equal(DesignCandidate.Lead, design.Choice!.Chosen);
        Assert.Contains("aks", design.Choice.Reasons[0], StringComparison.Ordinal);
        Assert.Contains("resource \"azurerm_kubernetes_cluster\"", design.Terraform, StringComparison.Ordinal);
        Assert.Contains("the rival costs", design.Choice.TradeOffs.Cost, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rival_that_fails_validation_is_never_chosen_even_when_the_recommender_picks_it()
    {
        // Functions cost less than the rival's App Service plan: a budget between the two fails only the rival,
        // and without revision rounds it stays failed. The rewrite makes the recommender pick the rival anyway.
        var settings = new DesignSettings { MonthlyBudgetUsd = 480 };
        var design = await OfflineDesign.RunRewrittenAsync("Azure Functions that read from Cosmos DB",
            (role, text) => role == AgentRole.Recommender ? text.Replace("\"chosen\": \"lead\"", "\"chosen\": \"rival\"",
                StringComparison.Ordinal) : text,
            settings, revisionRounds: 0, rival: true);

        Assert.True(design.Validation!.ValidationPassed);
        Assert.False(design.Rival!.Validation!.ValidationPassed);
        Assert.Equal(DesignCandidate.Lead, design.Choice!.Chosen);
        Assert.Contains("failed validation", design.Choice.Reasons[0], StringComparison.Ordinal);
        Assert.Contains("resource \"azurerm_linux_function_app\"", design.Terraform, StringComparison.Ordinal);
        Assert.DoesNotContain("resource \"azurerm_linux_web_app\"", design.Terraform, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_both_designs_fail_the_design_ends_revision_required_without_a_choice()
    {
        var design = await OfflineDesign.RunAsync("AKS with PostgreSQL", new DesignSettings { MonthlyBudgetUsd = 1 },
            rival: true);

        Assert.Equal(DesignStatus.RevisionRequired, design.Status);
        Assert.Null(design.Choice);
        Assert.Null(design.Terraform);
        Assert.Contains(design.Steps, s => s.Step == "validator.rival.2");
        Assert.Contains(design.Steps, s => s.Step == "validator.lead.2");
    }

    [Fact]
    public async Task Without_the_rival_the_pipeline_runs_its_single_design_steps_only()
    {
        var design = await OfflineDesign.RunAsync("AKS cluster with a PostgreSQL database", rival: false);

        Assert.Equal(
            ["architect.1", "clarifier.1", "cost.1", "recommender.1", "reliability.1", "security.1", "terraform.1",
                "terraform_check.1", "validator.1"],
            design.Steps.Select(s => s.Step).Order(StringComparer.Ordinal));
        Assert.All(design.Steps, s => Assert.Null(s.Candidate));
        Assert.Null(design.Rival);
        Assert.Null(design.Choice);
        Assert.DoesNotContain("## Choice", design.Recommendation, StringComparison.Ordinal);
    }

    [Fact]
    public void Between_valid_designs_the_choice_follows_the_reviews_weighed_by_the_settings()
    {
        // The rival costs half as much; the lead is more available (99.99% against 99.95%).
        var lead = Review(DesignCandidate.Lead, cost: 1000, sla: 99.99, score: 80);
        var rival = Review(DesignCandidate.Rival, cost: 500, sla: 99.95, score: 80);

        var thrifty = Choose(new DesignSettings { CostPerformance = CostPerformance.CostOptimized }, lead, rival);
        var critical = Choose(new DesignSettings { Reliability = ReliabilityTarget.Extreme }, lead, rival);

        Assert.Equal(DesignCandidate.Rival, thrifty.Chosen);
        Assert.StartsWith("It costs 500.00 USD a month less than the lead design", thrifty.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(DesignCandidate.Lead, critical.Chosen);
        Assert.StartsWith("Its composite SLA is higher (99.99%", critical.Reasons[0], StringComparison.Ordinal);
        Assert.Contains("the rival costs 500.00 USD less", critical.TradeOffs.Cost, StringComparison.Ordinal);
        Assert.Contains("rival 80/100", critical.TradeOffs.Security, StringComparison.Ordinal);
        Assert.NotEmpty(critical.TradeOffs.Reliability);
        Assert.NotEmpty(critical.TradeOffs.Operability);
    }

    [Fact]
    public void Security_decides_under_strict_compliance_and_a_tie_keeps_the_lead()
    {
        var lead = Review(DesignCandidate.Lead, cost: 600, sla: 99.9, score: 60);
        var rival = Review(DesignCandidate.Rival, cost: 700, sla: 99.9, score: 90);

        Assert.Equal(DesignCandidate.Rival, Choose(new DesignSettings { Compliance = ComplianceLevel.Strict }, lead, rival).Chosen);
        Assert.Equal(DesignCandidate.Lead, Choose(new DesignSettings(), lead, rival with { Cost = lead.Cost, Security = lead.Security }).Chosen);
    }

    [Fact]
    public void A_rival_better_in_every_respect_that_failed_validation_is_not_chosen()
    {
        var lead = Review(DesignCandidate.Lead, cost: 2000, sla: 99.5, score: 40);
        var rival = Review(DesignCandidate.Rival, cost: 100, sla: 99.99, score: 95, passed: false);

        var choice = Choose(new DesignSettings(), lead, rival);
        var enforced = ChoiceRules.Enforce(choice with { Chosen = DesignCandidate.Rival }, [lead, rival]);

        Assert.Equal(DesignCandidate.Lead, choice.Chosen);
        Assert.StartsWith("The rival design failed validation", choice.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(DesignCandidate.Lead, enforced.Chosen);
        Assert.StartsWith("The rival design failed validation", enforced.Reasons[0], StringComparison.Ordinal);
    }

    private static ChoiceDraft Choose(DesignSettings settings, CandidateReview lead, CandidateReview rival) =>
        ChoiceRules.Choose(new AgentContext
        {
            Requirements = "anything", Settings = settings, Round = 1, Candidates = [lead, rival],
        });

    private static DesignSettings ScenarioDefaults(string scenario) =>
        ScenarioPresets.TryGet(scenario, out var preset) ? preset.Defaults : throw new ArgumentException(scenario);

    private static CandidateReview Review(
        DesignCandidate candidate, decimal cost, double sla, int score, bool passed = true) => new(
        candidate,
        $"# {candidate} design",
        new SecurityReport(score, [], [], [], []),
        new CostReport(cost, cost * 12,
            [new ServiceCost("app_service", "App Service", "P1v3", 1, cost, ServiceCategory.Compute, "primary",
                "published", "https://example.org/prices", "2026-12-01")],
            new Dictionary<ServiceCategory, decimal> { [ServiceCategory.Compute] = cost }, [], [], []),
        new ReliabilityReport(sla, [], [], 4, 1, [], 1),
        new ValidationVerdict(passed, passed ? ValidationSeverity.None : ValidationSeverity.Error,
            passed ? [] : [new(ValidationIssueType.Cost, ValidationSeverity.Error, "Over budget.", "Lower tiers.")],
            passed ? "Passes." : "Over budget."));
}
