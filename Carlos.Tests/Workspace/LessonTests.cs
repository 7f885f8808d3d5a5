using System.Text.Json.Nodes;

namespace Carlos.Tests.Workspace;

[Collection(WorkspaceGatewayCollection.Name)]
public sealed class LessonTests(WorkspaceGateway gateway)
{
    private const string Aks = """{"requirements":"AKS cluster with monitoring and a PostgreSQL database","allowQuestions":false}""";

    private static JsonObject Quota(string wording)
    {
        var body = DeploymentFeedbackTests.Valid();
        body["success"] = false;
        body["satisfactionRating"] = 2;
        body["issuesEncountered"] = new JsonArray(wording);
        return body;
    }

    [Fact]
    public async Task A_recurring_quota_issue_becomes_a_lesson_that_changes_the_tenants_next_design_and_no_one_elses()
    {
        using var tenant = await gateway.NewTenantClientAsync();
        using var other = await gateway.NewTenantClientAsync();
        var first = await WorkspaceGateway.StartDesignAsync(tenant, Aks);
        var second = await WorkspaceGateway.StartDesignAsync(tenant, Aks);
        var before = await WorkspaceGateway.WaitUntilFinishedAsync(tenant, first);
        await DeploymentFeedbackTests.PostAsync(tenant, first, Quota("quota exceeded in region"));
        var oneReport = await WorkspaceGateway.WaitUntilFinishedAsync(tenant,
            await WorkspaceGateway.StartDesignAsync(tenant, Aks));
        await DeploymentFeedbackTests.PostAsync(tenant, second, Quota("hit the vCPU quota"));

        var later = await WorkspaceGateway.WaitUntilFinishedAsync(tenant, await WorkspaceGateway.StartDesignAsync(tenant, Aks));
        var elsewhere = await WorkspaceGateway.WaitUntilFinishedAsync(other, await WorkspaceGateway.StartDesignAsync(other, Aks));

        Assert.Equal(0, before.GetProperty("lessonsApplied").GetArrayLength());
        Assert.Equal(0, oneReport.GetProperty("lessonsApplied").GetArrayLength()); // one report is not a pattern yet
        var lessons = later.GetProperty("lessonsApplied").EnumerateArray().ToList();
        var quota = Assert.Single(lessons, l => l.GetProperty("id").GetString() == "issue:quota_exceeded");
        Assert.Contains("Quota exceeded was reported in 2", quota.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal("completed", later.GetProperty("status").GetString());
        var markdown = later.GetProperty("designMarkdown").GetString()!;
        Assert.Contains("## Lessons from earlier deployments", markdown, StringComparison.Ordinal);
        Assert.Contains("## Quota check", markdown, StringComparison.Ordinal);
        Assert.Contains("- Second region option: secondary", markdown, StringComparison.Ordinal);
        Assert.Contains("Azure Kubernetes Service", markdown[markdown.IndexOf("## Quota check", StringComparison.Ordinal)..],
            StringComparison.Ordinal);
        Assert.DoesNotContain("## Quota check", before.GetProperty("designMarkdown").GetString(), StringComparison.Ordinal);

        Assert.Equal(0, elsewhere.GetProperty("lessonsApplied").GetArrayLength());
        Assert.DoesNotContain("## Quota check", elsewhere.GetProperty("designMarkdown").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Lessons from earlier deployments", elsewhere.GetProperty("designMarkdown").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Low_ratings_and_repeated_modifications_become_lessons_too()
    {
        using var tenant = await gateway.NewTenantClientAsync();
        foreach (var change in new[] { "Moved AKS to a larger node pool SKU", "moved the AKS node pool to a larger SKU" })
        {
            var id = await WorkspaceGateway.StartDesignAsync(tenant, Aks);
            var body = DeploymentFeedbackTests.Valid();
            body["satisfactionRating"] = 1;
            body["issuesEncountered"] = new JsonArray();
            body["modificationsMade"] = change;
            await DeploymentFeedbackTests.PostAsync(tenant, id, body);
        }

        var later = await WorkspaceGateway.WaitUntilFinishedAsync(tenant, await WorkspaceGateway.StartDesignAsync(tenant, Aks));

        var ids = later.GetProperty("lessonsApplied").EnumerateArray().Select(l => l.GetProperty("id").GetString()!).ToList();
        Assert.Contains("rating:custom", ids);
        Assert.Single(ids, id => id.StartsWith("modification:", StringComparison.Ordinal));
        Assert.DoesNotContain("## Quota check", later.GetProperty("designMarkdown").GetString(), StringComparison.Ordinal);
    }
}
