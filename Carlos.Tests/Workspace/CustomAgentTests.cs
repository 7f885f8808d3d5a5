using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Workspace;

[Collection(WorkspaceGatewayCollection.Name)]
public sealed class CustomAgentTests(WorkspaceGateway gateway)
{
    private const string Shop = "A web shop on App Service with Azure SQL";

    private static async Task<JsonElement> CreateAsync(HttpClient client, string name, string focus, string instructions)
    {
        using var response = await client.PostAsync("/v1/agents", GatewayServer.Json(JsonSerializer.Serialize(
            new { name, focus, instructions })));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var agent = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/v1/agents/{agent.GetProperty("id").GetGuid()}", response.Headers.Location!.OriginalString);
        return agent;
    }

    // The single pipeline, so that step names are the plain ones; the rival's case has its own test.
    private static string Design(params Guid[] agents) => JsonSerializer.Serialize(
        new { requirements = Shop, allowQuestions = false, rival = false, customAgentIds = agents });

    [Fact]
    public async Task A_custom_agent_is_created_read_listed_replaced_and_deleted()
    {
        using var client = await gateway.NewTenantClientAsync();
        var agent = await CreateAsync(client, "  Naming police ", "naming", "Resource names follow our convention.");
        var id = agent.GetProperty("id").GetGuid();
        Assert.Equal("Naming police", agent.GetProperty("name").GetString());
        Assert.Equal("naming", agent.GetProperty("focus").GetString());
        Assert.Equal(agent.GetProperty("createdAt").GetDateTimeOffset(), agent.GetProperty("updatedAt").GetDateTimeOffset());

        var read = await client.GetFromJsonAsync<JsonElement>($"/v1/agents/{id}");
        Assert.Equal("Resource names follow our convention.", read.GetProperty("instructions").GetString());
        using var put = await client.PutAsync($"/v1/agents/{id}", GatewayServer.Json(
            """{"name":"Naming","instructions":"Names are lower case.","focus":"names"}"""));
        var replaced = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Names are lower case.", replaced.GetProperty("instructions").GetString());
        Assert.True(replaced.GetProperty("updatedAt").GetDateTimeOffset() >= agent.GetProperty("updatedAt").GetDateTimeOffset());
        var list = await client.GetFromJsonAsync<JsonElement>("/v1/agents");
        Assert.Equal([id], list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/agents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/agents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/v1/agents/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"instructions":"Check things."}""", "name")]
    [InlineData("""{"name":"   ","instructions":"Check things."}""", "name")]
    [InlineData("""{"name":"Reviewer"}""", "instructions")]
    [InlineData("""{"name":"Reviewer","instructions":"Check things.","colour":"red"}""", "colour")]
    public async Task An_invalid_agent_gets_400_naming_the_field(string body, string field)
    {
        using var client = await gateway.NewTenantClientAsync();

        using var response = await client.PostAsync("/v1/agents", GatewayServer.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/v1/agents")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Names_and_instructions_over_their_limits_are_refused()
    {
        using var client = await gateway.NewTenantClientAsync();

        var longName = JsonSerializer.Serialize(new { name = new string('n', 101), instructions = "x" });
        var longText = JsonSerializer.Serialize(new { name = "n", instructions = new string('i', 8001) });

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/v1/agents", GatewayServer.Json(longName))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/v1/agents", GatewayServer.Json(longText))).StatusCode);
    }

    [Fact]
    public async Task Agents_stay_in_their_tenant_and_only_their_creator_or_an_admin_changes_them()
    {
        var tenant = WorkspaceGateway.NewTenantId();
        using var alice = await gateway.NewTenantClientAsync(tenant, "alice");
        using var bob = await gateway.NewTenantClientAsync(tenant, "bob");
        using var admin = await gateway.NewTenantClientAsync(tenant, "root", role: "tenant_admin");
        using var stranger = await gateway.NewTenantClientAsync();
        var id = (await CreateAsync(alice, "Reviewer", "regions", "Designs must run in two regions.")).GetProperty("id").GetGuid();
        var body = GatewayServer.Json("""{"name":"Changed","instructions":"Anything."}""");

        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync($"/v1/agents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.PutAsync($"/v1/agents/{id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.DeleteAsync($"/v1/agents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/v1/agents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsync($"/v1/agents/{id}", body)).StatusCode);
        Assert.Equal(0, (await stranger.GetFromJsonAsync<JsonElement>("/v1/agents")).GetProperty("items").GetArrayLength());
        using var foreign = await stranger.PostAsync("/v1/designs", GatewayServer.Json(Design(id)));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        var problem = await foreign.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("customAgentIds", out _));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/v1/agents/{id}", body)).StatusCode);
    }

    [Fact]
    public async Task A_design_naming_an_unknown_agent_or_one_twice_gets_400()
    {
        using var client = await gateway.NewTenantClientAsync();
        var id = (await CreateAsync(client, "Reviewer", "waf", "Use a WAF.")).GetProperty("id").GetGuid();

        using var unknown = await client.PostAsync("/v1/designs", GatewayServer.Json(Design(Guid.NewGuid())));
        using var twice = await client.PostAsync("/v1/designs", GatewayServer.Json(Design(id, id)));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/v1/designs")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_mandatory_rule_of_a_custom_agent_reports_a_critical_finding_with_its_own_steps_and_fails_validation()
    {
        using var client = await gateway.NewTenantClientAsync();
        var agent = await CreateAsync(client, "DR reviewer", "regions and disaster recovery",
            "Every production design must run in two regions.");
        var agentId = agent.GetProperty("id").GetGuid();
        var plain = await WorkspaceGateway.StartDesignAsync(client, Design());

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/designs") { Content = GatewayServer.Json(Design(agentId)) };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var stream = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        var events = await SseClient.ReadDesignEventsAsync(stream, cancel.Token);
        var id = events[0].DesignId!.Value;
        var design = await gateway.Client.GetAsync($"/v1/designs/{id}"); // the development tenant may not see it
        var reviewed = await client.GetFromJsonAsync<JsonElement>($"/v1/designs/{id}");
        var control = await WorkspaceGateway.WaitUntilFinishedAsync(client, plain);

        Assert.Equal(HttpStatusCode.NotFound, design.StatusCode);
        Assert.Equal("completed", control.GetProperty("status").GetString());
        Assert.Equal(0, control.GetProperty("customReviews").GetArrayLength());
        Assert.True(reviewed.GetProperty("status").GetString() == "revision_required", reviewed.ToString());
        var steps = events.Where(e => e.Type == Contracts.Designs.DesignEventType.AgentCompleted).Select(e => e.Step).ToList();
        Assert.Contains($"custom.{agentId}.1", steps);
        Assert.Contains($"custom.{agentId}.2", steps);
        Assert.True(steps.IndexOf($"custom.{agentId}.1") > steps.IndexOf("reliability.1"));
        Assert.True(steps.IndexOf($"custom.{agentId}.1") < steps.IndexOf("validator.1"));
        var review = reviewed.GetProperty("customReviews").EnumerateArray().Single();
        Assert.Equal(agentId, review.GetProperty("agentId").GetGuid());
        Assert.Equal("DR reviewer", review.GetProperty("name").GetString());
        var finding = review.GetProperty("findings").EnumerateArray().Single();
        Assert.Equal("critical", finding.GetProperty("severity").GetString());
        Assert.Equal("reliability", finding.GetProperty("area").GetString());
        Assert.False(string.IsNullOrWhiteSpace(finding.GetProperty("recommendation").GetString()));
        var validation = reviewed.GetProperty("validation");
        Assert.False(validation.GetProperty("validationPassed").GetBoolean());
        Assert.Contains(validation.GetProperty("issues").EnumerateArray(), i =>
            i.GetProperty("severity").GetString() == "error"
            && i.GetProperty("message").GetString()!.StartsWith("DR reviewer:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_recommended_rule_makes_a_warning_and_a_brief_with_no_known_rule_finds_nothing()
    {
        using var client = await gateway.NewTenantClientAsync();
        var waf = (await CreateAsync(client, "Edge", "web exposure", "Public apps should sit behind a WAF."))
            .GetProperty("id").GetGuid();
        var vague = (await CreateAsync(client, "Poet", "style", "Make the design feel elegant."))
            .GetProperty("id").GetGuid();

        var id = await WorkspaceGateway.StartDesignAsync(client, Design(waf, vague));
        var design = await WorkspaceGateway.WaitUntilFinishedAsync(client, id);

        Assert.Equal("completed", design.GetProperty("status").GetString());
        var reviews = design.GetProperty("customReviews").EnumerateArray().ToList();
        Assert.Equal([waf, vague], reviews.Select(r => r.GetProperty("agentId").GetGuid()));
        Assert.Equal("high", reviews[0].GetProperty("findings")[0].GetProperty("severity").GetString());
        Assert.Equal(0, reviews[1].GetProperty("findings").GetArrayLength());
        Assert.Contains("recognised no rule", reviews[1].GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains(design.GetProperty("validation").GetProperty("issues").EnumerateArray(), i =>
            i.GetProperty("severity").GetString() == "warning"
            && i.GetProperty("message").GetString()!.StartsWith("Edge:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_rival_a_custom_agent_reviews_both_designs_and_its_rule_binds_each()
    {
        using var client = await gateway.NewTenantClientAsync();
        var agentId = (await CreateAsync(client, "DR reviewer", "regions and disaster recovery",
            "Every production design must run in two regions.")).GetProperty("id").GetGuid();

        var id = await WorkspaceGateway.StartDesignAsync(client, JsonSerializer.Serialize(
            new { requirements = Shop, allowQuestions = false, customAgentIds = new[] { agentId } }));
        var design = await WorkspaceGateway.WaitUntilFinishedAsync(client, id);

        var steps = design.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()).ToList();
        Assert.Contains($"custom.{agentId}.lead", steps);
        Assert.Contains($"custom.{agentId}.rival", steps);
        // Neither design runs in two regions, so each fails its validation and neither can be chosen.
        Assert.Equal("revision_required", design.GetProperty("status").GetString());
        Assert.Equal("critical", design.GetProperty("customReviews")[0].GetProperty("findings")[0]
            .GetProperty("severity").GetString());
    }
}
