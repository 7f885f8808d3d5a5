using System.Net;
using System.Text.Json;
using Carlos.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Carlos.Tests.Operations;

public sealed class GatewayDrainTests
{
    [Fact]
    public async Task On_stopping_the_gateway_refuses_new_designs_fails_readiness_and_ends_streams_with_a_retry_hint()
    {
        var gateway = new DrainingGateway();
        await gateway.InitializeAsync();
        try
        {
            await DrainAsync(gateway);
        }
        finally
        {
            await gateway.DisposeAsync();
        }
    }

    private static async Task DrainAsync(GatewayServer gateway)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var stream = await gateway.StartStreamingAsync(
            """{"requirements":"A data pipeline with Data Factory and Synapse"}""", cancel.Token);
        var body = new StreamReader(await stream.Content.ReadAsStreamAsync(cancel.Token));
        string? designId = null;
        while (await body.ReadLineAsync(cancel.Token) is { } line
            && !line.StartsWith("event: agent_started", StringComparison.Ordinal))
        {
            designId ??= line.StartsWith("data: ", StringComparison.Ordinal)
                ? JsonDocument.Parse(line["data: ".Length..]).RootElement.GetProperty("designId").GetString()
                : null;
        }

        // StopApplication raises ApplicationStopping as SIGTERM does; the server itself keeps running for the test.
        gateway.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        var rest = await body.ReadToEndAsync(cancel.Token);
        Assert.EndsWith("retry: 2000\n\n", rest, StringComparison.Ordinal);
        Assert.DoesNotContain("event: completed", rest, StringComparison.Ordinal);

        using var refused = await gateway.Client.PostAsync("/v1/designs", GatewayServer.Json("""{"requirements":"AKS"}"""));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("https://carlos.dev/problems/unavailable", await refused.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);

        using var ready = await gateway.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var reads = await gateway.Client.GetAsync("/v1/scenarios");
        Assert.Equal(HttpStatusCode.OK, reads.StatusCode);

        // Cancelling is not new work, so it is still served; it also lets the embedded silo stop at once.
        using var cancelled = await gateway.Client.PostAsync($"/v1/designs/{designId}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
    }

    /// <summary>A gateway of its own, since the test ends its life; designs crawl so that one is in flight.</summary>
    private sealed class DrainingGateway() : GatewayServer(tokensPerSecond: 20, heartbeat: TimeSpan.FromSeconds(15));
}
