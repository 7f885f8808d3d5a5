using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Carlos.Contracts.Designs;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Gateway;

[Collection(CrowdedGatewayCollection.Name)]
public sealed class OverloadTests(CrowdedGateway gateway)
{
    [Fact]
    public async Task Beyond_the_running_slots_designs_queue_with_a_position_and_beyond_the_queue_get_503()
    {
        var running = await StartAsync();
        var queued = await StartAsync();
        using var refused = await gateway.Client.PostAsync("/v1/designs", GatewayServer.Json("""{"requirements":"AKS"}"""));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("https://carlos.dev/problems/unavailable",
            JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString());

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var stream = await gateway.OpenEventsAsync(queued, null, cancel.Token);
        var seen = new List<DesignEvent>();
        var cancelledFirst = false;
        await foreach (var message in SseClient.ReadAsync(stream, cancel.Token))
        {
            if (message.Data is null)
            {
                continue;
            }

            seen.Add(message.Parse());
            if (!cancelledFirst && seen[^1].Type == DesignEventType.Queued)
            {
                cancelledFirst = true;
                await gateway.Client.PostAsync($"/v1/designs/{running}/cancel", null);
            }

            if (seen[^1].Type == DesignEventType.AgentStarted)
            {
                break;
            }
        }

        var position = seen.First(e => e.Type == DesignEventType.Queued);
        Assert.Equal(1, position.Position);
        Assert.Equal(DesignStatus.Queued, position.Status);
        Assert.Equal(DesignEventType.AgentStarted, seen[^1].Type);
        await gateway.Client.PostAsync($"/v1/designs/{queued}/cancel", null);
    }

    private async Task<Guid> StartAsync()
    {
        using var response = await gateway.Client.PostAsync("/v1/designs", GatewayServer.Json("""{"requirements":"AKS with PostgreSQL"}"""));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
