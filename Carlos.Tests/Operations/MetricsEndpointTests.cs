using System.Net;
using System.Text.Json;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Operations;

[Collection(FastGatewayCollection.Name)]
public sealed class MetricsEndpointTests(FastGateway gateway)
{
    [Fact]
    public async Task Metrics_show_carlos_instruments_after_a_design_without_tenant_labels()
    {
        using var response = await gateway.Client.PostAsync("/v1/designs",
            GatewayServer.Json("""{"requirements":"Event Hubs and Functions for IoT telemetry"}"""));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        using var scraper = gateway.CreateClient(key: null);
        var text = "";
        await DesignTracingTests.WaitUntilAsync(() =>
        {
            text = scraper.GetStringAsync("/metrics").GetAwaiter().GetResult();
            return text.Contains("carlos_designs_finished_total{", StringComparison.Ordinal);
        });

        Assert.Contains("carlos_designs_started_total{", text, StringComparison.Ordinal);
        Assert.Matches(
            "carlos_designs_finished_total\\{[^}]*carlos_design_status=\"(completed|revision_required)\"", text);
        Assert.Matches("carlos_step_duration_seconds_bucket\\{[^}]*carlos_agent_role=\"architect\"", text);
        Assert.Matches(
            "carlos_model_tokens_total\\{[^}]*carlos_model_deployment=\"builtin\"[^}]*gen_ai_token_type=\"output\"", text);
        Assert.Contains("carlos_model_call_duration_seconds_count{", text, StringComparison.Ordinal);
        Assert.Contains("orleans_", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.DoesNotContain("carlos_tenant=", text, StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_can_turn_tenant_labels_on_for_token_counts()
    {
        var labelled = new TenantLabelledGateway();
        await labelled.InitializeAsync();
        try
        {
            using var response = await labelled.Client.PostAsync("/v1/designs",
                GatewayServer.Json("""{"requirements":"Cosmos DB and Functions"}"""));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

            using var scraper = labelled.CreateClient(key: null);
            await DesignTracingTests.WaitUntilAsync(() => scraper.GetStringAsync("/metrics").GetAwaiter().GetResult()
                .Contains("carlos_designs_finished_total{", StringComparison.Ordinal));
            var text = await scraper.GetStringAsync("/metrics");
            Assert.Matches("carlos_model_tokens_total\\{[^}]*carlos_tenant=\"dev\"", text);
        }
        finally
        {
            await labelled.DisposeAsync();
        }
    }

    private sealed class TenantLabelledGateway : GatewayServer
    {
        public TenantLabelledGateway()
            : base(tokensPerSecond: 200_000, heartbeat: TimeSpan.FromSeconds(15)) =>
            Settings["Carlos:Telemetry:TenantLabels"] = "true";
    }
}
