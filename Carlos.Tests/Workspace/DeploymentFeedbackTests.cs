using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Workspace;

[Collection(WorkspaceGatewayCollection.Name)]
public sealed class DeploymentFeedbackTests(WorkspaceGateway gateway)
{
    public const string Clear = """{"requirements":"A web shop on App Service with Azure SQL","allowQuestions":false}""";

    public static string Yesterday => DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static JsonObject Valid() => new()
    {
        ["deployed"] = true,
        ["deploymentDate"] = Yesterday,
        ["cloudProvider"] = "azure",
        ["environment"] = "production",
        ["success"] = true,
        ["issuesEncountered"] = new JsonArray("quota exceeded in region"),
        ["modificationsMade"] = "Moved the database to a bigger SKU",
        ["satisfactionRating"] = 4,
    };

    public static async Task<JsonElement> PostAsync(HttpClient client, Guid id, JsonObject body)
    {
        using var response = await client.PostAsync($"/v1/designs/{id}/deployment", GatewayServer.Json(body.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static IEnumerable<object[]> InvalidBodies()
    {
        object[] Case(string field, Action<JsonObject> change)
        {
            var body = Valid();
            change(body);
            return [body.ToJsonString(), field];
        }

        yield return Case("deployed", b => b.Remove("deployed"));
        yield return Case("deploymentDate", b => b.Remove("deploymentDate"));
        yield return Case("deploymentDate", b => b["deploymentDate"] = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return Case("deploymentDate", b => b["deploymentDate"] = "yesterday");
        yield return Case("cloudProvider", b => b["cloudProvider"] = "mainframe");
        yield return Case("cloudProvider", b => b.Remove("cloudProvider"));
        yield return Case("environment", b => b["environment"] = "moon");
        yield return Case("success", b => b.Remove("success"));
        yield return Case("success", b => { b["deployed"] = false; b.Remove("deploymentDate"); });
        yield return Case("issuesEncountered", b => b["issuesEncountered"] = new JsonArray(" "));
        yield return Case("issuesEncountered", b => b["issuesEncountered"] = new JsonArray(new string('x', 501)));
        yield return Case("modificationsMade", b => b["modificationsMade"] = new string('m', 5001));
        yield return Case("satisfactionRating", b => b["satisfactionRating"] = 6);
        yield return Case("satisfactionRating", b => b["satisfactionRating"] = 0);
        yield return Case("satisfactionRating", b => b["satisfactionRating"] = "five");
        yield return Case("satisfactionRating", b => b.Remove("satisfactionRating"));
        yield return Case("colour", b => b["colour"] = "red");
    }

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Each_invalid_field_gets_400_naming_it_and_stores_nothing(string body, string field)
    {
        using var client = await gateway.NewTenantClientAsync();
        var id = await WorkspaceGateway.StartDesignAsync(client, Clear);

        using var response = await client.PostAsync($"/v1/designs/{id}/deployment", GatewayServer.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/designs/{id}/deployment")).StatusCode);
    }

    [Fact]
    public async Task A_second_post_updates_the_one_record_and_the_figures_count_it_once()
    {
        using var client = await gateway.NewTenantClientAsync();
        var id = await WorkspaceGateway.StartDesignAsync(client, Clear);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/designs/{id}/deployment")).StatusCode);

        var first = await PostAsync(client, id, Valid());
        var changed = Valid();
        changed["success"] = false;
        changed["satisfactionRating"] = 2;
        changed["environment"] = "Staging";
        changed["issuesEncountered"] = new JsonArray("Private DNS zone not linked");
        var second = await PostAsync(client, id, changed);
        var read = await client.GetFromJsonAsync<JsonElement>($"/v1/designs/{id}/deployment");
        var figures = await client.GetFromJsonAsync<JsonElement>("/v1/analytics/deployments");

        Assert.Equal(id, first.GetProperty("designId").GetGuid());
        Assert.Equal(Yesterday, read.GetProperty("deploymentDate").GetString());
        Assert.Equal(2, read.GetProperty("satisfactionRating").GetInt32());
        Assert.Equal("staging", read.GetProperty("environment").GetString());
        Assert.False(read.GetProperty("success").GetBoolean());
        Assert.Equal(first.GetProperty("createdAt").GetDateTimeOffset(), second.GetProperty("createdAt").GetDateTimeOffset());
        Assert.True(second.GetProperty("updatedAt").GetDateTimeOffset() >= first.GetProperty("updatedAt").GetDateTimeOffset());
        Assert.Equal(1, figures.GetProperty("totalDesigns").GetInt32());
        Assert.Equal(1, figures.GetProperty("deployedCount").GetInt32());
        Assert.Equal(0, figures.GetProperty("successRate").GetDouble());
        Assert.Equal(2, figures.GetProperty("averageSatisfaction").GetDouble());
        var issue = figures.GetProperty("topIssues").EnumerateArray().Single();
        Assert.Equal("Networking or private DNS problems", issue.GetProperty("issue").GetString());
        Assert.Equal(1, issue.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Another_tenant_can_neither_read_nor_write_a_designs_record()
    {
        using var owner = await gateway.NewTenantClientAsync();
        using var stranger = await gateway.NewTenantClientAsync();
        var id = await WorkspaceGateway.StartDesignAsync(owner, Clear);
        await PostAsync(owner, id, Valid());

        using var write = await stranger.PostAsync($"/v1/designs/{id}/deployment", GatewayServer.Json(Valid().ToJsonString()));
        using var read = await stranger.GetAsync($"/v1/designs/{id}/deployment");
        var theirs = await stranger.GetFromJsonAsync<JsonElement>("/v1/analytics/deployments");

        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(0, theirs.GetProperty("totalDesigns").GetInt32());
        Assert.Equal(JsonValueKind.Null, theirs.GetProperty("averageSatisfaction").ValueKind);
        Assert.Equal(4, (await owner.GetFromJsonAsync<JsonElement>($"/v1/designs/{id}/deployment"))
            .GetProperty("satisfactionRating").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound,
            (await owner.PostAsync($"/v1/designs/{Guid.NewGuid()}/deployment", GatewayServer.Json(Valid().ToJsonString()))).StatusCode);
    }
}
