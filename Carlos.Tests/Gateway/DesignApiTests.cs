using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Serialization;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Gateway;

[Collection(FastGatewayCollection.Name)]
public sealed class DesignApiTests(FastGateway gateway)
{
    private const string AksRequest = """{"requirements":"AKS cluster with monitoring and a PostgreSQL database"}""";

    [Fact]
    public async Task Posting_a_design_answers_202_with_its_location_and_status()
    {
        using var response = await gateway.Client.PostAsync("/v1/designs", GatewayServer.Json(AksRequest));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<DesignSummary>(CarlosJson.Options);
        Assert.Equal($"/v1/designs/{summary!.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(DesignStatus.Running, summary.Status);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":\"running\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_with_an_event_stream_accept_header_streams_the_design_to_completed()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await gateway.StartStreamingAsync(AksRequest, cancel.Token);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var events = await SseClient.ReadDesignEventsAsync(response, cancel.Token);

        Assert.Equal(DesignEventType.DesignStarted, events[0].Type);
        Assert.NotNull(events[0].DesignId);
        Assert.Equal(DesignEventType.Completed, events[^1].Type);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        var agents = events.Where(e => e.Type == DesignEventType.AgentCompleted).Select(e => e.Agent).ToHashSet();
        Assert.Superset(new HashSet<string?> { "architect", "security", "cost", "reliability", "validator", "recommender", "terraform" }, agents);

        var id = events[0].DesignId!.Value;
        var terraform = await gateway.Client.GetStringAsync($"/v1/designs/{id}/terraform");
        Assert.Contains("resource \"azurerm_kubernetes_cluster\"", terraform, StringComparison.Ordinal);
        Assert.Contains("resource \"azurerm_postgresql_flexible_server\"", terraform, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_design_reads_back_as_json_with_every_report()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var stream = await gateway.StartStreamingAsync(AksRequest, cancel.Token);
        var events = await SseClient.ReadDesignEventsAsync(stream, cancel.Token);

        using var response = await gateway.Client.GetAsync($"/v1/designs/{events[0].DesignId}");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("completed", json.GetProperty("status").GetString());
        Assert.Equal("custom", json.GetProperty("settings").GetProperty("scenario").GetString());
        Assert.Equal("balanced", json.GetProperty("settings").GetProperty("costPerformance").GetString());
        Assert.StartsWith("# Azure architecture", json.GetProperty("designMarkdown").GetString(), StringComparison.Ordinal);
        Assert.True(json.GetProperty("cost").GetProperty("totalMonthlyCostUsd").GetDecimal() > 0);
        Assert.True(json.GetProperty("reliability").GetProperty("estimatedSlaPercentage").GetDouble() > 99);
        Assert.NotEmpty(json.GetProperty("security").GetProperty("findings").EnumerateArray());
        Assert.True(json.GetProperty("validation").GetProperty("validationPassed").GetBoolean());
        Assert.True(json.GetProperty("usage").GetProperty("completionTokens").GetInt64() > 0);
        Assert.NotNull(json.GetProperty("completedAt").GetString());
        Assert.Equal("pass", json.GetProperty("terraformCheck").GetProperty("result").GetString());
        Assert.True(json.GetProperty("terraformPassing").GetBoolean());
    }

    [Fact]
    public async Task The_terraform_downloads_as_a_zip_of_its_three_files_with_a_file_name()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var stream = await gateway.StartStreamingAsync(AksRequest, cancel.Token);
        var events = await SseClient.ReadDesignEventsAsync(stream, cancel.Token);
        var id = events[0].DesignId!.Value;
        var text = await gateway.Client.GetStringAsync($"/v1/designs/{id}/terraform");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/designs/{id}/terraform");
        request.Headers.Accept.ParseAdd("application/zip");
        using var response = await gateway.Client.SendAsync(request, cancel.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"carlos-design-{id:N}-terraform.zip", response.Content.Headers.ContentDisposition!.FileNameStar
            ?? response.Content.Headers.ContentDisposition.FileName);
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync(cancel.Token));
        Assert.Equal(["main.tf", "variables.tf", "outputs.tf"], zip.Entries.Select(e => e.FullName));
        var files = zip.Entries.Select(e => (e.FullName, new StreamReader(e.Open()).ReadToEnd())).ToList();
        Assert.Equal(Contracts.Reports.TerraformFiles.Split(text), files);
        Assert.Contains("resource \"azurerm_kubernetes_cluster\"", files[0].Item2, StringComparison.Ordinal);
        Assert.Contains("variable \"location\"", files[1].Item2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_late_subscriber_gets_every_event_and_last_event_id_resumes_after_it()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var first = await gateway.StartStreamingAsync(AksRequest, cancel.Token);
        var all = await SseClient.ReadDesignEventsAsync(first, cancel.Token);
        var id = all[0].DesignId!.Value;

        using var late = await gateway.OpenEventsAsync(id, null, cancel.Token);
        var replayed = await SseClient.ReadDesignEventsAsync(late, cancel.Token);
        using var resumed = await gateway.OpenEventsAsync(id, 5, cancel.Token);
        var rest = await SseClient.ReadDesignEventsAsync(resumed, cancel.Token);

        Assert.Equal(all.Select(e => e.Sequence), replayed.Select(e => e.Sequence));
        Assert.Equal(all.Skip(5).Select(e => e.Sequence), rest.Select(e => e.Sequence));
        Assert.Equal(all.Select(e => e.Text), replayed.Select(e => e.Text));
    }

    [Fact]
    public async Task Scenarios_are_listed_with_their_defaults()
    {
        var json = JsonDocument.Parse(await gateway.Client.GetStringAsync("/v1/scenarios")).RootElement;

        var ids = json.EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Contains("custom", ids);
        Assert.Contains("public_web_app", ids);
        Assert.Contains("data_pipeline", ids);
        Assert.Contains("event_driven", ids);
        var web = json.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "public_web_app");
        Assert.Equal("high", web.GetProperty("defaults").GetProperty("reliability").GetString());
    }

    [Fact]
    public async Task A_scenario_preset_supplies_defaults_that_explicit_settings_override()
    {
        using var response = await gateway.Client.PostAsync("/v1/designs",
            GatewayServer.Json("""{"requirements":"Shop","scenario":"public_web_app","reliability":"normal"}"""));
        var summary = await response.Content.ReadFromJsonAsync<DesignSummary>(CarlosJson.Options);

        var design = await gateway.Client.GetFromJsonAsync<DesignSnapshot>($"/v1/designs/{summary!.Id}", CarlosJson.Options);
        Assert.Equal("public_web_app", design!.Settings.Scenario);
        Assert.Equal(ReliabilityTarget.Normal, design.Settings.Reliability);
    }

    [Fact]
    public async Task Health_and_readiness_answer_once_the_cluster_is_up()
    {
        Assert.Equal(HttpStatusCode.OK, (await gateway.Client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gateway.Client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_design_endpoints()
    {
        var json = await gateway.Client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/v1/designs/{id}/events", json, StringComparison.Ordinal);
        Assert.Contains("/v1/scenarios", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Questions_are_answered_over_http_and_bad_answers_are_400()
    {
        using var created = await gateway.Client.PostAsync("/v1/designs", GatewayServer.Json("""{"requirements":"Something for our team"}"""));
        var id = (await created.Content.ReadFromJsonAsync<DesignSummary>(CarlosJson.Options))!.Id;
        DesignSnapshot design;
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        do
        {
            design = (await gateway.Client.GetFromJsonAsync<DesignSnapshot>($"/v1/designs/{id}", CarlosJson.Options, cancel.Token))!;
        }
        while (design.Status == DesignStatus.Running && await Task.Delay(50, cancel.Token).ContinueWith(_ => true));

        using var empty = await gateway.Client.PostAsync($"/v1/designs/{id}/answers", GatewayServer.Json("""{"answers":[]}"""));
        using var accepted = await gateway.Client.PostAsync($"/v1/designs/{id}/answers",
            GatewayServer.Json("""{"answers":["A public web shop on App Service with Azure SQL"]}"""));
        using var again = await gateway.Client.PostAsync($"/v1/designs/{id}/answers", GatewayServer.Json("""{"answers":["more"]}"""));

        Assert.Equal(DesignStatus.AwaitingAnswers, design.Status);
        Assert.NotEmpty(design.Questions);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_tenants_usage_adds_up_its_designs_tokens_and_no_other_tenants()
    {
        using var alice = gateway.CreateClient(await gateway.NewTenantKeyAsync($"u-{Guid.NewGuid():N}"[..20]));
        using var other = gateway.CreateClient(await gateway.NewTenantKeyAsync($"u-{Guid.NewGuid():N}"[..20]));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/designs") { Content = GatewayServer.Json(AksRequest) };
        request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var stream = await alice.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        var events = await SseClient.ReadDesignEventsAsync(stream, cancel.Token);
        var design = await alice.GetFromJsonAsync<DesignSnapshot>($"/v1/designs/{events[0].DesignId}", CarlosJson.Options);

        var usage = JsonDocument.Parse(await alice.GetStringAsync("/v1/usage")).RootElement;
        var none = JsonDocument.Parse(await other.GetStringAsync("/v1/usage")).RootElement;

        Assert.Equal(design!.Usage.PromptTokens, usage.GetProperty("total").GetProperty("promptTokens").GetInt64());
        Assert.Equal(design.Usage.CompletionTokens, usage.GetProperty("today").GetProperty("completionTokens").GetInt64());
        Assert.Equal(0, none.GetProperty("total").GetProperty("promptTokens").GetInt64());
    }
}
