using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Carlos.Telemetry;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Operations;

[Collection(OperatorGatewayCollection.Name)]
public sealed class DesignTracingTests(OperatorGateway gateway)
{
    [Fact]
    public async Task One_trace_runs_from_the_http_request_through_the_grain_to_every_model_call()
    {
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/designs")
        {
            Content = GatewayServer.Json("""{"requirements":"A public web app on App Service with Azure SQL"}"""),
        };
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await gateway.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        // Every step's span has ended once the design has: a snapshot taken earlier could hold a model call whose
        // step is still running.
        await WaitForEndAsync(id);
        var spans = gateway.Spans.Of(trace);
        Assert.True(spans.Count(s => s.DisplayName == CarlosTracing.StepSpan) >= 7);

        var http = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.Source.Name == "Microsoft.AspNetCore");
        var grainCall = Assert.Single(spans, s => s.Kind == ActivityKind.Server
            && s.Source.Name == "Microsoft.Orleans.Application"
            && s.DisplayName.Contains("StartAsync", StringComparison.Ordinal));
        Assert.True(IsDescendant(grainCall, http, spans), "the grain call belongs under the HTTP request");

        var steps = spans.Where(s => s.DisplayName == CarlosTracing.StepSpan).ToList();
        Assert.All(steps, s => Assert.Equal(id.ToString(), s.GetTagItem(CarlosMetrics.Tags.DesignId)?.ToString()));
        Assert.All(steps, s => Assert.True(IsDescendant(s, grainCall, spans), "each step runs under the grain call"));

        var modelCalls = spans.Where(s => s.DisplayName == CarlosTracing.ModelCallSpan).ToList();
        Assert.Contains(modelCalls, c => (string?)c.GetTagItem(CarlosMetrics.Tags.Agent) == "architect");
        Assert.All(modelCalls, c => Assert.Contains(steps, s => s.SpanId == c.ParentSpanId));
        Assert.All(modelCalls, c => Assert.Equal("builtin", c.GetTagItem(CarlosMetrics.Tags.Deployment)));
    }

    private static bool IsDescendant(Activity span, Activity ancestor, IReadOnlyList<Activity> trace)
    {
        var byId = trace.ToDictionary(s => s.SpanId);
        for (var current = span; byId.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    private async Task WaitForEndAsync(Guid id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var design = JsonDocument.Parse(await gateway.Client.GetStringAsync($"/v1/designs/{id}", timeout.Token));
            if (design.RootElement.GetProperty("status").GetString() is "completed" or "revision_required" or "failed")
            {
                return;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
