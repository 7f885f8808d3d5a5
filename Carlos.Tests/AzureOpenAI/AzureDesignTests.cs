using System.Net.Http.Json;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Serialization;
using Carlos.Testing.AzureOpenAI;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.AzureOpenAI;

[Collection(AzureGatewayCollection.Name)]
public sealed class AzureDesignTests(AzureGateway gateway)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_whole_design_completes_through_the_azure_openai_path_with_the_usage_the_server_reported()
    {
        var marker = AzureModelHarness.Marker();
        using var cancel = new CancellationTokenSource(Timeout);

        using var response = await gateway.StartStreamingAsync(Body(marker), cancel.Token);
        var events = await SseClient.ReadDesignEventsAsync(response, cancel.Token);

        Assert.Equal(DesignEventType.Completed, events[^1].Type);
        var id = events[0].DesignId!.Value;
        var design = await gateway.Client.GetFromJsonAsync<DesignSnapshot>($"/v1/designs/{id}", CarlosJson.Options);
        Assert.Equal("azure-openai", design!.Model);
        Assert.Equal(CarlosScript.Terraform, design.Terraform);
        Assert.True(design.Validation!.ValidationPassed);
        Assert.Contains(CarlosScript.UnknownService, design.Cost!.UnpricedServices);
        Assert.Contains(CarlosScript.UnknownService, design.CostMarkdown, StringComparison.Ordinal);

        var calls = gateway.LedgerFor(marker);
        Assert.Equal(8, calls.Count);
        Assert.All(calls, c => Assert.Equal(CallOutcome.Completed, c.Outcome));
        Assert.Equal(["architect", "clarifier", "cost", "recommender", "reliability", "security", "terraform", "validator"],
            calls.Select(c => c.Role!).Order(StringComparer.Ordinal));
        Assert.Equal(calls.Sum(c => c.PromptTokens), design.Usage.PromptTokens);
        Assert.Equal(calls.Sum(c => c.CompletionTokens), design.Usage.CompletionTokens);
        Assert.All(calls.Where(c => c.Call!.SchemaName is not null), c => Assert.True(c.Call!.StrictSchema));
        Assert.Equal(5, calls.Count(c => c.Call!.SchemaName is not null));
    }

    [Fact]
    public async Task The_first_token_of_a_step_reaches_the_client_before_the_model_has_produced_its_last()
    {
        var marker = AzureModelHarness.Marker();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gateway.Server.Inject(Fault.HoldLastChunkUntil(release.Task), CarlosScript.For(marker, "architect"));
        using var cancel = new CancellationTokenSource(Timeout);
        CallOutcome? upstreamAtFirstToken = null;

        using var response = await gateway.StartStreamingAsync(Body(marker), cancel.Token);
        var events = new List<DesignEvent>();
        await foreach (var message in SseClient.ReadAsync(response, cancel.Token))
        {
            if (message.Data is null)
            {
                continue;
            }

            events.Add(message.Parse());
            if (upstreamAtFirstToken is null && events[^1] is { Type: DesignEventType.Token, Agent: "architect" })
            {
                upstreamAtFirstToken = Assert.Single(gateway.LedgerFor(marker, "architect")).Outcome;
                release.SetResult();
            }

            if (events[^1].IsTerminal)
            {
                break;
            }
        }

        Assert.Equal(CallOutcome.Running, upstreamAtFirstToken);
        Assert.Equal(DesignEventType.Completed, events[^1].Type);
        Assert.Equal(CallOutcome.Completed, Assert.Single(gateway.LedgerFor(marker, "architect")).Outcome);
    }

    [Fact]
    public async Task Cancelling_a_design_aborts_its_in_flight_upstream_stream()
    {
        var marker = AzureModelHarness.Marker();
        gateway.Server.Inject(Fault.StallAfter(3), CarlosScript.For(marker, "architect"));
        using var cancel = new CancellationTokenSource(Timeout);

        using var response = await gateway.StartStreamingAsync(Body(marker), cancel.Token);
        var events = new List<DesignEvent>();
        await foreach (var message in SseClient.ReadAsync(response, cancel.Token))
        {
            if (message.Data is null)
            {
                continue;
            }

            events.Add(message.Parse());
            if (events[^1] is { Type: DesignEventType.Token, Agent: "architect" }
                && events.Count(e => e.Type == DesignEventType.Token && e.Agent == "architect") == 1)
            {
                using var cancelled = await gateway.Client.PostAsync($"/v1/designs/{events[0].DesignId}/cancel", null);
                Assert.True(cancelled.IsSuccessStatusCode);
            }

            if (events[^1].IsTerminal)
            {
                break;
            }
        }

        Assert.Equal(DesignEventType.Cancelled, events[^1].Type);
        var aborted = await gateway.Server.WaitForAsync(
            e => e.Call is { } c && CarlosScript.For(marker, "architect")(c) && e.Outcome == CallOutcome.Aborted,
            Timeout);
        Assert.Equal(0, aborted.CompletionTokens);
        Assert.Single(gateway.LedgerFor(marker, "architect"));
    }

    [Fact]
    public async Task API_keys_never_appear_in_the_logs_even_when_calls_are_retried()
    {
        var marker = AzureModelHarness.Marker();
        gateway.Server.Inject(
            Fault.WithStatus(429, TimeSpan.FromMilliseconds(50)), CarlosScript.For(marker, "security"));
        gateway.Server.Inject(Fault.EndAfter(2), CarlosScript.For(marker, "recommender"));
        using var cancel = new CancellationTokenSource(Timeout);

        using var response = await gateway.StartStreamingAsync(Body(marker), cancel.Token);
        var events = await SseClient.ReadDesignEventsAsync(response, cancel.Token);

        Assert.Equal(DesignEventType.Completed, events[^1].Type);
        var restarted = Assert.Single(events, e => e.Type == DesignEventType.StepRestarted);
        Assert.Equal("recommender.1", restarted.Step);
        var recommendation = events.Single(e => e is { Type: DesignEventType.AgentCompleted, Agent: "recommender" });
        var script = new ChatCall(string.Empty, [], false, false, null, null, null, false) { Role = "recommender" };
        Assert.Equal(CarlosScript.Answer(script), recommendation.Output);
        Assert.Contains(gateway.Logs.Lines, l => l.Contains("[2101]", StringComparison.Ordinal));
        Assert.Contains(gateway.Logs.Lines, l => l.Contains("[2110]", StringComparison.Ordinal));
        Assert.DoesNotContain(gateway.Server.ApiKey, gateway.Logs.All, StringComparison.Ordinal);
    }

    // These tests follow the single pipeline's calls; Rival/RivalModelTests runs a design with the rival on this path.
    private static string Body(string marker) =>
        $$"""{"requirements":"App Service and PostgreSQL {{marker}}","rival":false}""";
}

public sealed class AzureCircuitTests(FailingAzureGateway gateway) : IClassFixture<FailingAzureGateway>
{
    [Fact]
    public async Task A_deployment_whose_circuit_stays_open_fails_the_design_with_a_clear_failed_event()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        using var response = await gateway.StartStreamingAsync(
            $$"""{"requirements":"Functions {{AzureModelHarness.Marker()}}"}""", cancel.Token);
        var events = await SseClient.ReadDesignEventsAsync(response, cancel.Token);

        var failed = events[^1];
        Assert.Equal(DesignEventType.Failed, failed.Type);
        Assert.Equal(DesignStatus.Failed, failed.Status);
        Assert.Contains("The model deployment 'main' is unavailable", failed.Text, StringComparison.Ordinal);
        Assert.Contains(gateway.Logs.Lines, l => l.Contains("[2102]", StringComparison.Ordinal));
        Assert.DoesNotContain(gateway.Server.ApiKey, gateway.Logs.All, StringComparison.Ordinal);
    }
}

public sealed class AzureFallbackTests(FallbackAzureGateway gateway) : IClassFixture<FallbackAzureGateway>
{
    [Fact]
    public async Task With_fallback_on_an_unavailable_deployment_lets_the_builtin_model_finish_the_design_degraded()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        using var response = await gateway.StartStreamingAsync(
            $$"""{"requirements":"App Service with PostgreSQL {{AzureModelHarness.Marker()}}","rival":false}""",
            cancel.Token);
        var events = await SseClient.ReadDesignEventsAsync(response, cancel.Token);

        Assert.Contains(events[^1].Type, new[] { DesignEventType.Completed, DesignEventType.RevisionRequired });
        var degraded = events.Where(e => e.Type == DesignEventType.Degraded).ToList();
        Assert.Contains(degraded, e => e.Agent == "architect");
        Assert.All(degraded,
            e => Assert.Contains("The built-in model answered instead.", e.Text, StringComparison.Ordinal));
        var design = events.Single(e => e is { Type: DesignEventType.AgentCompleted, Agent: "architect" });
        Assert.Contains("no language model", design.Output, StringComparison.OrdinalIgnoreCase);
    }
}
