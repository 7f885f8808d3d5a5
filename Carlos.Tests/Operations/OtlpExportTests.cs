using System.Collections.Concurrent;
using System.Net;
using Carlos.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Carlos.Tests.Operations;

public sealed class OtlpExportTests
{
    [Fact]
    public async Task With_an_otlp_endpoint_configured_traces_and_metrics_are_exported_to_it()
    {
        var received = new ConcurrentQueue<string>();
        var collector = WebApplication.CreateBuilder();
        collector.WebHost.UseUrls("http://127.0.0.1:0");
        collector.Logging.ClearProviders();
        await using var app = collector.Build();
        app.MapPost("/v1/{signal}", (string signal) =>
        {
            received.Enqueue(signal);
            return Results.Ok();
        });
        await app.StartAsync();
        var endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var gateway = new ExportingGateway(endpoint);
        await gateway.InitializeAsync();
        try
        {
            using var response = await gateway.Client.PostAsync("/v1/designs", GatewayServer.Json("""{"requirements":"AKS"}"""));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

            var id = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
                .GetProperty("id").GetGuid();

            await DesignTracingTests.WaitUntilAsync(() => received.Contains("traces") && received.Contains("metrics"));

            // Let the design end before the embedded silo stops, so that the test stops at once.
            await DesignTracingTests.WaitUntilAsync(() => !gateway.Client.GetStringAsync($"/v1/designs/{id}")
                .GetAwaiter().GetResult().Contains("\"status\":\"running\"", StringComparison.Ordinal));
        }
        finally
        {
            await gateway.DisposeAsync();
        }
    }

    /// <summary>A gateway pointed at a local collector through the SDK's standard variables, exporting often.</summary>
    private sealed class ExportingGateway : GatewayServer
    {
        public ExportingGateway(string collector)
            : base(tokensPerSecond: 200_000, heartbeat: TimeSpan.FromSeconds(15))
        {
            Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector;
            Settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            Settings["OTEL_BSP_SCHEDULE_DELAY"] = "100";
            Settings["OTEL_METRIC_EXPORT_INTERVAL"] = "200";
        }
    }
}
