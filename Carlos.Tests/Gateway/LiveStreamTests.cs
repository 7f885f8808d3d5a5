using System.Net;
using System.Net.Http.Json;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Serialization;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Gateway;

[Collection(SlowGatewayCollection.Name)]
public sealed class LiveStreamTests(SlowGateway gateway)
{
    [Fact]
    public async Task Tokens_stream_live_with_heartbeats_and_cancel_ends_the_stream()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await gateway.StartStreamingAsync("""{"requirements":"AKS with PostgreSQL"}""", cancel.Token);
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        var seen = new List<DesignEvent>();
        var heartbeats = 0;
        DesignStatus? statusWhileStreaming = null;
        HttpStatusCode? cancelStatus = null;

        await foreach (var message in SseClient.ReadAsync(response, cancel.Token))
        {
            if (message.Comment == "heartbeat")
            {
                heartbeats++;
            }
            else if (message.Data is not null)
            {
                seen.Add(message.Parse());
            }

            if (cancelStatus is null && heartbeats >= 2 && seen.Count(e => e.Type == DesignEventType.Token) >= 2)
            {
                statusWhileStreaming = (await gateway.Client.GetFromJsonAsync<DesignSnapshot>($"/v1/designs/{id}", CarlosJson.Options))!.Status;
                using var cancelled = await gateway.Client.PostAsync($"/v1/designs/{id}/cancel", null);
                cancelStatus = cancelled.StatusCode;
            }

            if (seen.LastOrDefault()?.IsTerminal == true)
            {
                break;
            }
        }

        Assert.Equal(DesignStatus.Running, statusWhileStreaming);
        Assert.Equal(HttpStatusCode.OK, cancelStatus);
        Assert.DoesNotContain(seen, e => e.Type == DesignEventType.AgentCompleted);
        Assert.Equal(DesignEventType.Cancelled, seen[^1].Type);
        Assert.True(heartbeats >= 2);

        using var again = await gateway.Client.PostAsync($"/v1/designs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var design = await gateway.Client.GetFromJsonAsync<DesignSnapshot>($"/v1/designs/{id}", CarlosJson.Options);
        Assert.Equal(DesignStatus.Cancelled, design!.Status);
        using var terraform = await gateway.Client.GetAsync($"/v1/designs/{id}/terraform");
        Assert.Equal(HttpStatusCode.Conflict, terraform.StatusCode);
    }

    [Fact]
    public async Task A_second_client_joining_mid_design_gets_the_past_then_live_events_in_order()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var created = await gateway.Client.PostAsync("/v1/designs", GatewayServer.Json("""{"requirements":"Functions"}"""));
        var summary = await created.Content.ReadFromJsonAsync<DesignSummary>(CarlosJson.Options);

        using var first = await gateway.OpenEventsAsync(summary!.Id, null, cancel.Token);
        var firstEvents = new List<DesignEvent>();
        await foreach (var message in SseClient.ReadAsync(first, cancel.Token))
        {
            if (message.Data is not null)
            {
                firstEvents.Add(message.Parse());
            }

            if (firstEvents.Count(e => e.Type == DesignEventType.Token) >= 2)
            {
                break;
            }
        }

        using var second = await gateway.OpenEventsAsync(summary.Id, null, cancel.Token);
        var secondEvents = new List<DesignEvent>();
        await foreach (var message in SseClient.ReadAsync(second, cancel.Token))
        {
            if (message.Data is not null)
            {
                secondEvents.Add(message.Parse());
            }

            if (secondEvents.Count >= firstEvents.Count + 1)
            {
                break;
            }
        }

        await gateway.Client.PostAsync($"/v1/designs/{summary.Id}/cancel", null);
        Assert.Equal(firstEvents.Select(e => e.Sequence), secondEvents.Take(firstEvents.Count).Select(e => e.Sequence));
        Assert.Equal(firstEvents[^1].Sequence + 1, secondEvents[^1].Sequence);
    }
}
