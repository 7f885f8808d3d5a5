using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Carlos.Tests.Workspace;

[Collection(WorkspaceGatewayCollection.Name)]
public sealed class DeploymentAnalyticsTests(WorkspaceGateway gateway)
{
    private static string Body(string scenario) =>
        $$"""{"requirements":"An online service for our customers with a database","scenario":"{{scenario}}","allowQuestions":false}""";

    private static JsonObject Record(bool deployed, bool? success, int rating, params string[] issues)
    {
        var body = DeploymentFeedbackTests.Valid();
        body["deployed"] = deployed;
        body["success"] = success;
        body["satisfactionRating"] = rating;
        body["issuesEncountered"] = new JsonArray(issues.Select(i => (JsonNode)i).ToArray());
        body.Remove("modificationsMade");
        if (!deployed)
        {
            body.Remove("deploymentDate");
            body.Remove("success");
        }

        return body;
    }

    [Fact]
    public async Task The_figures_of_a_known_set_of_records_are_exact_overall_and_by_scenario()
    {
        using var client = await gateway.NewTenantClientAsync();
        var web1 = await WorkspaceGateway.StartDesignAsync(client, Body("public_web_app"));
        var web2 = await WorkspaceGateway.StartDesignAsync(client, Body("public_web_app"));
        var data1 = await WorkspaceGateway.StartDesignAsync(client, Body("data_pipeline"));
        var data2 = await WorkspaceGateway.StartDesignAsync(client, Body("data_pipeline"));
        var unrated = await WorkspaceGateway.StartDesignAsync(client, Body("data_pipeline"));

        await DeploymentFeedbackTests.PostAsync(client, web1, Record(true, true, 5, "quota exceeded in region"));
        await DeploymentFeedbackTests.PostAsync(client, web2, Record(true, false, 2, "Regional quota exceeded",
            "Private DNS zone was not linked to the VNet"));
        await DeploymentFeedbackTests.PostAsync(client, data1, Record(true, true, 4, "hit the vCPU quota"));
        await DeploymentFeedbackTests.PostAsync(client, data2, Record(false, null, 3));
        var figures = await client.GetFromJsonAsync<JsonElement>("/v1/analytics/deployments");

        Assert.Equal(5, figures.GetProperty("totalDesigns").GetInt32());
        Assert.Equal(3, figures.GetProperty("deployedCount").GetInt32());
        Assert.Equal(0.6, figures.GetProperty("deploymentRate").GetDouble(), 6);
        Assert.Equal(2.0 / 3, figures.GetProperty("successRate").GetDouble(), 6);
        Assert.Equal(3.5, figures.GetProperty("averageSatisfaction").GetDouble(), 6);
        Assert.Equal([("Quota exceeded", 3), ("Networking or private DNS problems", 1)], Issues(figures));
        var byScenario = figures.GetProperty("byScenario").EnumerateArray()
            .ToDictionary(s => s.GetProperty("scenario").GetString()!);
        Assert.Equal(["data_pipeline", "public_web_app"], byScenario.Keys.Order());
        var web = byScenario["public_web_app"];
        Assert.Equal(2, web.GetProperty("totalDesigns").GetInt32());
        Assert.Equal(1.0, web.GetProperty("deploymentRate").GetDouble(), 6);
        Assert.Equal(0.5, web.GetProperty("successRate").GetDouble(), 6);
        Assert.Equal(3.5, web.GetProperty("averageSatisfaction").GetDouble(), 6);
        Assert.Equal([("Quota exceeded", 2), ("Networking or private DNS problems", 1)], Issues(web));
        var data = byScenario["data_pipeline"];
        Assert.Equal(3, data.GetProperty("totalDesigns").GetInt32());
        Assert.Equal(1, data.GetProperty("deployedCount").GetInt32());
        Assert.Equal(1.0 / 3, data.GetProperty("deploymentRate").GetDouble(), 6);
        Assert.Equal(1.0, data.GetProperty("successRate").GetDouble(), 6);
        Assert.Equal(3.5, data.GetProperty("averageSatisfaction").GetDouble(), 6);
        Assert.Equal([("Quota exceeded", 1)], Issues(data));

        // An update replaces the design's share; a deletion takes it out.
        await DeploymentFeedbackTests.PostAsync(client, web2, Record(true, true, 4));
        await WorkspaceGateway.WaitUntilFinishedAsync(client, unrated);
        await client.DeleteAsync($"/v1/designs/{unrated}");
        await client.DeleteAsync($"/v1/designs/{data2}");
        var after = await client.GetFromJsonAsync<JsonElement>("/v1/analytics/deployments");

        Assert.Equal(3, after.GetProperty("totalDesigns").GetInt32());
        Assert.Equal(1.0, after.GetProperty("deploymentRate").GetDouble(), 6);
        Assert.Equal(1.0, after.GetProperty("successRate").GetDouble(), 6);
        Assert.Equal(13.0 / 3, after.GetProperty("averageSatisfaction").GetDouble(), 6);
        Assert.Equal([("Quota exceeded", 2)], Issues(after));
    }

    private static List<(string, int)> Issues(JsonElement figures) => figures.GetProperty("topIssues").EnumerateArray()
        .Select(i => (i.GetProperty("issue").GetString()!, i.GetProperty("count").GetInt32())).ToList();
}
