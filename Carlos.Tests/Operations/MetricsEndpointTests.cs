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
        Assert.Matches("carlos_model_call_duration_seconds_count\\{[^}]*carlos_model_deployment=\"builtin\"", text);
        Assert.Contains("carlos_model_call_duration_seconds_count{", text, StringComparison.Ordinal);
        Assert.Contains("orleans_", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.DoesNotContain("carlos_tenant=", text, StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_can_turn_tenant_labels_on_for_rate_limit_rejections()
    {
        var labelled = new TenantLabelledGateway();
        await labelled.InitializeAsync();
        try
        {
            var tenant = $"t-{Guid.NewGuid():N}"[..20];
            using var client = labelled.CreateClient(await labelled.NewTenantKeyAsync(tenant, plan: "tight"));
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 4; i++)
            {
                using var response = await client.PostAsync("/v1/designs", GatewayServer.Json("""{"requirements":"AKS"}"""));
                statuses.Add(response.StatusCode);
            }

            Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
            using var scraper = labelled.CreateClient(key: null);
            var pattern = $"carlos_rate_limit_rejections_total\\{{[^}}]*carlos_tenant=\"{tenant}\"";
            await DesignTracingTests.WaitUntilAsync(() => System.Text.RegularExpressions.Regex.IsMatch(
                scraper.GetStringAsync("/metrics").GetAwaiter().GetResult(), pattern));
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
