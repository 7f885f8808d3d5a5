using System.Net;
using System.Text.Json;
using Carlos.Contracts.Designs;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Rival;

/// <summary>A fast gateway with a plan, <c>solo</c>, that does not include the rival.</summary>
public sealed class RivalGateway : GatewayServer
{
    public RivalGateway()
        : base(tokensPerSecond: 200_000, heartbeat: TimeSpan.FromSeconds(15))
    {
        Settings["Carlos:Plans:solo:Rival"] = "false";
        Settings["Carlos:Workflow:RevisionRounds"] = "0"; // a design that fails validation stays failed
    }
}

/// <summary>The rival over HTTP: the design JSON, the request and plan switches, and <c>POST /choose</c>.</summary>
public sealed class RivalHttpTests(RivalGateway gateway) : IClassFixture<RivalGateway>
{
    private const string AksRequest = """{"requirements":"AKS cluster with monitoring and a PostgreSQL database"}""";

    private static readonly string[] SingleSteps =
    [
        "architect.1", "clarifier.1", "cost.1", "recommender.1", "reliability.1", "security.1", "terraform.1",
        "terraform_check.1", "validator.1",
    ];

    [Fact]
    public async Task By_default_the_design_json_and_events_carry_both_designs_and_the_choice()
    {
        var (id, events) = await StreamAsync(gateway.Client, AksRequest);
        var json = await DesignAsync(gateway.Client, id);

        var rival = json.GetProperty("rival");
        Assert.Equal("rival", rival.GetProperty("candidate").GetString());
        Assert.Contains("This is the rival design", rival.GetProperty("designMarkdown").GetString(), StringComparison.Ordinal);
        Assert.True(rival.GetProperty("cost").GetProperty("totalMonthlyCostUsd").GetDecimal() > 0);
        Assert.Equal(JsonValueKind.Object, rival.GetProperty("validation").ValueKind);
        var choice = json.GetProperty("choice");
        Assert.Equal("lead", choice.GetProperty("chosen").GetString());
        Assert.False(choice.GetProperty("overruled").GetBoolean());
        Assert.NotEmpty(choice.GetProperty("reasons").EnumerateArray());
        var tradeOffs = choice.GetProperty("tradeOffs");
        Assert.All(["cost", "reliability", "security", "operability"],
            p => Assert.False(string.IsNullOrEmpty(tradeOffs.GetProperty(p).GetString())));

        var chosen = Assert.Single(events, e => e.Type == DesignEventType.Choice);
        Assert.Equal(DesignCandidate.Lead, chosen.Choice!.Chosen);
        Assert.Contains(events, e => e.Step == "security.rival" && e.Candidate == DesignCandidate.Rival);
        Assert.Contains(events, e => e.Step == "security.lead" && e.Candidate == DesignCandidate.Lead);
    }

    [Fact]
    public async Task Rival_false_runs_the_single_pipeline_as_before()
    {
        var (id, events) = await StreamAsync(gateway.Client,
            """{"requirements":"AKS cluster with monitoring and a PostgreSQL database","rival":false}""");
        var json = await DesignAsync(gateway.Client, id);

        AssertSinglePipeline(json, events);
    }

    [Fact]
    public async Task A_plan_without_the_rival_runs_the_single_pipeline_and_refuses_a_request_for_it()
    {
        using var solo = gateway.CreateClient(await gateway.NewTenantKeyAsync($"solo-{Guid.NewGuid():N}", plan: "solo"));

        var (id, events) = await StreamAsync(solo, AksRequest);
        using var asked = await solo.PostAsync("/v1/designs",
            GatewayServer.Json("""{"requirements":"AKS cluster","rival":true}"""));

        AssertSinglePipeline(await DesignAsync(solo, id), events);
        Assert.Equal(HttpStatusCode.BadRequest, asked.StatusCode);
        var problem = JsonDocument.Parse(await asked.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("rival", out _));
    }

    [Fact]
    public async Task Choosing_the_other_design_answers_202_and_its_terraform_replaces_the_first()
    {
        var (id, _) = await StreamAsync(gateway.Client, AksRequest);

        using var chosen = await gateway.Client.PostAsync($"/v1/designs/{id}/choose",
            GatewayServer.Json("""{"design":"rival"}"""));
        var accepted = JsonDocument.Parse(await chosen.Content.ReadAsStringAsync()).RootElement;
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var stream = await gateway.OpenEventsAsync(id, accepted.GetProperty("eventsAfter").GetInt64(), cancel.Token);
        var rerun = await SseClient.ReadDesignEventsAsync(stream, cancel.Token);
        var json = await DesignAsync(gateway.Client, id);
        var terraform = await gateway.Client.GetStringAsync($"/v1/designs/{id}/terraform");

        Assert.Equal(HttpStatusCode.Accepted, chosen.StatusCode);
        Assert.Equal($"/v1/designs/{id}", chosen.Headers.Location!.OriginalString);
        Assert.Equal("running", accepted.GetProperty("status").GetString());
        Assert.Equal(DesignEventType.Choice, rerun[0].Type);
        Assert.Equal(DesignEventType.Completed, rerun[^1].Type);
        Assert.Equal("completed", json.GetProperty("status").GetString());
        Assert.Equal("rival", json.GetProperty("choice").GetProperty("chosen").GetString());
        Assert.True(json.GetProperty("choice").GetProperty("overruled").GetBoolean());
        Assert.Contains("resource \"azurerm_container_app\"", terraform, StringComparison.Ordinal);
        Assert.DoesNotContain("resource \"azurerm_kubernetes_cluster\"", terraform, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choose_checks_its_body_and_the_state_and_owner_of_the_design()
    {
        var (id, _) = await StreamAsync(gateway.Client, AksRequest);
        var (single, _) = await StreamAsync(gateway.Client, """{"requirements":"Redis cache","rival":false}""");
        using var stranger = gateway.CreateClient(await gateway.NewTenantKeyAsync($"other-{Guid.NewGuid():N}"));

        Assert.Equal(HttpStatusCode.BadRequest, await ChooseAsync(gateway.Client, id, "{}"));
        Assert.Equal(HttpStatusCode.BadRequest, await ChooseAsync(gateway.Client, id, """{"design":"both"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, await ChooseAsync(gateway.Client, id, """{"design":"rival","extra":1}"""));
        Assert.Equal(HttpStatusCode.BadRequest, await ChooseAsync(gateway.Client, id, """{"design":"""));
        using (var text = await gateway.Client.PostAsync($"/v1/designs/{id}/choose", new StringContent("rival")))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, await ChooseAsync(gateway.Client, Guid.NewGuid(), """{"design":"rival"}"""));
        Assert.Equal(HttpStatusCode.NotFound, await ChooseAsync(stranger, id, """{"design":"rival"}"""));
        Assert.Equal(HttpStatusCode.Conflict, await ChooseAsync(gateway.Client, id, """{"design":"lead"}"""));
        Assert.Equal(HttpStatusCode.Conflict, await ChooseAsync(gateway.Client, single, """{"design":"rival"}"""));
        var json = await DesignAsync(gateway.Client, id);
        Assert.Equal("lead", json.GetProperty("choice").GetProperty("chosen").GetString());
    }

    [Fact]
    public async Task A_design_that_failed_validation_cannot_be_chosen()
    {
        // Functions cost less than the rival's App Service plan: this budget fails only the rival.
        var (id, _) = await StreamAsync(gateway.Client,
            """{"requirements":"Azure Functions that read from Cosmos DB","monthlyBudgetUsd":480}""");
        var before = await DesignAsync(gateway.Client, id);

        using var refused = await gateway.Client.PostAsync($"/v1/designs/{id}/choose",
            GatewayServer.Json("""{"design":"rival"}"""));

        Assert.False(before.GetProperty("rival").GetProperty("validation").GetProperty("validationPassed").GetBoolean());
        Assert.Equal("lead", before.GetProperty("choice").GetProperty("chosen").GetString());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("failed validation", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before.GetProperty("terraform").GetString(),
            (await DesignAsync(gateway.Client, id)).GetProperty("terraform").GetString());
    }

    private static void AssertSinglePipeline(JsonElement json, List<DesignEvent> events)
    {
        Assert.Equal("completed", json.GetProperty("status").GetString());
        Assert.Equal(SingleSteps,
            json.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()).Order(StringComparer.Ordinal));
        Assert.False(json.TryGetProperty("rival", out var rival) && rival.ValueKind != JsonValueKind.Null);
        Assert.False(json.TryGetProperty("choice", out var choice) && choice.ValueKind != JsonValueKind.Null);
        Assert.DoesNotContain(events, e => e.Type == DesignEventType.Choice || e.Candidate is not null);
    }

    private static async Task<HttpStatusCode> ChooseAsync(HttpClient client, Guid id, string body)
    {
        using var response = await client.PostAsync($"/v1/designs/{id}/choose", GatewayServer.Json(body));
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.StartsWith("https://carlos.dev/problems/", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        }

        return response.StatusCode;
    }

    private static async Task<(Guid Id, List<DesignEvent> Events)> StreamAsync(HttpClient client, string body)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/designs") { Content = GatewayServer.Json(body) };
        request.Headers.Accept.Add(new("text/event-stream"));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        var events = await SseClient.ReadDesignEventsAsync(response, cancel.Token);
        return (events[0].DesignId!.Value, events);
    }

    private static async Task<JsonElement> DesignAsync(HttpClient client, Guid id) =>
        JsonDocument.Parse(await client.GetStringAsync($"/v1/designs/{id}")).RootElement;
}
