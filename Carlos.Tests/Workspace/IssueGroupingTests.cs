using Carlos.Grains.Workspace;

namespace Carlos.Tests.Workspace;

public sealed class IssueGroupingTests
{
    [Theory]
    [InlineData("quota exceeded in region")]
    [InlineData("Regional quota exceeded")]
    [InlineData("hit the vCPU quota")]
    [InlineData("Operation could not be completed as it results in exceeding approved Total Regional Cores quota")]
    [InlineData("vCPU limit reached for the subscription")]
    public void Wording_variants_of_a_quota_problem_meet_in_one_group(string text)
    {
        var groups = new IssueGroups();

        Assert.Equal("quota_exceeded", groups.Assign(text));
        Assert.Equal("Quota exceeded", groups.LabelOf(groups.Assign(text)));
    }

    [Theory]
    [InlineData("Private DNS zone not linked", "network_dns")]
    [InlineData("The storage account name is already taken", "name_conflict")]
    [InlineData("AuthorizationFailed: missing role assignment", "permission_denied")]
    [InlineData("Deployment timed out after 60 minutes", "timeout")]
    [InlineData("Standard_D4s_v5 SKU not available in westeurope", "capacity_unavailable")]
    public void Other_known_issues_find_their_canonical_group(string text, string key) =>
        Assert.Equal(key, new IssueGroups().Assign(text));

    [Fact]
    public void Unknown_wordings_that_share_most_words_meet_and_different_ones_do_not()
    {
        var groups = new IssueGroups();

        var first = groups.Assign("Helm chart for the ingress controller failed to install");
        var variant = groups.Assign("the ingress controller Helm chart failed installing");
        var other = groups.Assign("Grafana dashboards were empty after the migration");

        Assert.StartsWith("other_", first, StringComparison.Ordinal);
        Assert.Equal(first, variant);
        Assert.NotEqual(first, other);
        Assert.Equal("Helm chart for the ingress controller failed to install", groups.LabelOf(first));
    }
}
