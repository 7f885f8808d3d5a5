using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Carlos.Grains.Agents;
using Carlos.Grains.Cache;
using Carlos.Grains.Documents;
using Carlos.Grains.Workflow;

namespace Carlos.Tests.Cache;

public sealed class DesignCacheEligibilityTests
{
    private static DesignWorkflowState Completed(bool degraded = false) => new()
    {
        Request = new DesignRequest("AKS cluster with monitoring", new DesignSettings()),
        Steps =
        {
            ["architect.1"] = new StepRecord(
                new StepOutcome("architect.1", "architect", 1, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow,
                    TokenUsage.Zero, degraded),
                new AgentOutcome { Text = "design", Degraded = degraded, Usage = TokenUsage.Zero }),
        },
    };

    [Fact]
    public void A_clean_completed_design_may_be_stored() =>
        Assert.Null(DesignCacheEligibility.ForResult(Completed(), DesignStatus.Completed));

    [Theory]
    [InlineData(DesignStatus.Failed)]
    [InlineData(DesignStatus.Cancelled)]
    [InlineData(DesignStatus.RevisionRequired)]
    [InlineData(DesignStatus.Expired)]
    public void A_design_that_did_not_complete_is_not_stored(DesignStatus status)
    {
        Assert.NotNull(DesignCacheEligibility.ForResult(Completed(), status));
    }

    [Fact]
    public void Degraded_answered_document_and_cache_hit_designs_are_not_stored()
    {
        var answered = Completed();
        answered.Questions = ["Who uses it?"];
        answered.Answers = ["The public"];
        var documents = Completed();
        documents.Documents = [new DesignDocumentText(Guid.NewGuid(), "notes.txt", "text")];
        var hit = Completed();
        hit.CacheHit = new Contracts.Cache.DesignCacheHit(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 1,
            Contracts.Cache.DesignCacheScope.Tenant);

        var degraded = DesignCacheEligibility.ForResult(Completed(degraded: true), DesignStatus.Completed);

        Assert.Contains("degraded", degraded, StringComparison.Ordinal);
        Assert.Contains("answers", DesignCacheEligibility.ForResult(answered, DesignStatus.Completed),
            StringComparison.Ordinal);
        Assert.Contains("documents", DesignCacheEligibility.ForResult(documents, DesignStatus.Completed),
            StringComparison.Ordinal);
        Assert.NotNull(DesignCacheEligibility.ForResult(hit, DesignStatus.Completed));
    }

    [Fact]
    public void A_request_that_names_documents_is_not_looked_up() =>
        Assert.NotNull(DesignCacheEligibility.ForRequest(
            new DesignRequest("AKS", new DesignSettings(), [Guid.NewGuid()])));

    [Fact]
    public void A_request_that_runs_custom_agents_is_not_looked_up() =>
        Assert.Contains("custom agents", DesignCacheEligibility.ForRequest(
            new DesignRequest("AKS", new DesignSettings()) { CustomAgentIds = [Guid.NewGuid()] }),
            StringComparison.Ordinal);

    [Fact]
    public void A_design_given_the_tenant_s_lessons_is_neither_looked_up_nor_stored()
    {
        var taught = Completed();
        taught.Lessons = [new Contracts.Workspace.Lesson("issue:quota", "Check the regional vCPU quota.")];

        Assert.Contains("lessons", DesignCacheEligibility.ForResult(taught, DesignStatus.Completed),
            StringComparison.Ordinal);
        Assert.NotNull(DesignCacheEligibility.ForRequest(taught.Request!, taught.Lessons.Count));
    }
}
