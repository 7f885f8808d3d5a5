using Carlos.Contracts.Designs;
using Carlos.Grains.Cache;

namespace Carlos.Tests.Cache;

public sealed class DesignCacheKeyTests
{
    private static string Hash(string requirements, DesignSettings? settings = null, string model = "builtin@1",
        string catalog = "2026.12.1", bool allowQuestions = true, bool bypass = false) =>
        DesignCacheKey.Hash(new DesignRequest(requirements, settings ?? new DesignSettings())
        {
            AllowQuestions = allowQuestions, BypassCache = bypass,
        }, model, catalog, revisionRounds: 1);

    [Theory]
    [InlineData("aks cluster with monitoring")]
    [InlineData("  AKS   cluster\twith\nmonitoring ")]
    [InlineData("AKS cluster, with monitoring!")]
    [InlineData("AKS cluster \u2014 with \u201cmonitoring\u201d.")]
    public void Case_white_space_and_punctuation_do_not_change_the_key(string variant) =>
        Assert.Equal(Hash("AKS cluster with monitoring"), Hash(variant));

    [Fact]
    public void Every_setting_and_both_versions_are_part_of_the_key()
    {
        var basis = Hash("AKS cluster with monitoring");

        Assert.NotEqual(basis, Hash("AKS cluster with logging"));
        Assert.NotEqual(basis, Hash("AKS cluster with monitoring", new DesignSettings { Scenario = "microservices" }));
        Assert.NotEqual(basis, Hash("AKS cluster with monitoring",
            new DesignSettings { CostPerformance = CostPerformance.CostOptimized }));
        Assert.NotEqual(basis, Hash("AKS cluster with monitoring",
            new DesignSettings { Compliance = ComplianceLevel.Strict }));
        Assert.NotEqual(basis, Hash("AKS cluster with monitoring",
            new DesignSettings { Reliability = ReliabilityTarget.High }));
        Assert.NotEqual(basis, Hash("AKS cluster with monitoring",
            new DesignSettings { Strictness = Strictness.Strict }));
        Assert.NotEqual(basis, Hash("AKS cluster with monitoring", new DesignSettings { MonthlyBudgetUsd = 500 }));
        Assert.NotEqual(basis, Hash("AKS cluster with monitoring", allowQuestions: false));
        Assert.NotEqual(basis, Hash("AKS cluster with monitoring", model: "builtin@2"));
        Assert.NotEqual(basis, Hash("AKS cluster with monitoring", catalog: "2027.1.1"));
        var request = new DesignRequest("AKS cluster with monitoring", new DesignSettings());
        Assert.NotEqual(basis, DesignCacheKey.Hash(request,
            "builtin@1", "2026.12.1", revisionRounds: 2));
    }

    [Fact]
    public void Bypassing_and_writing_a_budget_with_trailing_zeros_keep_the_key()
    {
        Assert.Equal(Hash("AKS"), Hash("AKS", bypass: true));
        Assert.Equal(Hash("AKS", new DesignSettings { MonthlyBudgetUsd = 500m }),
            Hash("AKS", new DesignSettings { MonthlyBudgetUsd = 500.00m }));
    }

    [Fact]
    public void Digits_that_punctuation_separated_stay_apart() =>
        Assert.NotEqual(DesignCacheKey.Normalize("99.9% uptime"), DesignCacheKey.Normalize("999% uptime"));

    [Fact]
    public void No_tenant_id_can_name_the_shared_scope()
    {
        var shared = DesignCacheKey.EntryKey(Contracts.Cache.DesignCacheScope.Shared, "shared", "abc");
        var tenant = DesignCacheKey.EntryKey(Contracts.Cache.DesignCacheScope.Tenant, "shared", "abc");

        Assert.NotEqual(shared, tenant);
        Assert.Equal(Contracts.Cache.DesignCacheScope.Tenant, DesignCacheKey.ScopeOf(tenant));
        Assert.Equal(Contracts.Cache.DesignCacheScope.Shared, DesignCacheKey.ScopeOf(shared));
    }
}
