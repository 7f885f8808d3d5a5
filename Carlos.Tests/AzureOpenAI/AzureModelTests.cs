using System.Diagnostics.Metrics;
using Carlos.Grains.Diagnostics;
using Carlos.Grains.Model;
using Carlos.Testing.AzureOpenAI;
using Microsoft.Extensions.DependencyInjection;

namespace Carlos.Tests.AzureOpenAI;

/// <summary>The Azure OpenAI provider against the test server, through the real client over HTTP.</summary>
public sealed class AzureModelTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_step_streams_through_the_azure_client_and_records_the_usage_the_server_reported()
    {
        await using var harness = await AzureModelHarness.StartAsync();
        var marker = AzureModelHarness.Marker();
        var pieces = new List<string>();

        var outcome = await harness.Agents.RunAsync(AgentRole.Architect, AzureModelHarness.Context(marker),
            pieces.Add, CancellationToken.None).WaitAsync(Timeout);

        var call = Assert.Single(harness.LedgerFor(marker));
        Assert.Equal(CallOutcome.Completed, call.Outcome);
        Assert.True(call.Streamed);
        Assert.True(pieces.Count > 10);
        Assert.Equal(CarlosScript.Architect, outcome.Text);
        Assert.Equal(call.PromptTokens, outcome.Usage.PromptTokens);
        Assert.Equal(call.CompletionTokens, outcome.Usage.CompletionTokens);
        Assert.True(outcome.Usage.CompletionTokens > 0);
        Assert.Equal(2000, call.Call!.MaxTokens);
    }

    [Fact]
    public async Task The_prompt_tokens_counted_before_a_call_are_the_ones_the_server_charges()
    {
        await using var harness = await AzureModelHarness.StartAsync();
        var marker = AzureModelHarness.Marker();

        await harness.Agents.RunAsync(AgentRole.Security,
            AzureModelHarness.Context(marker, CarlosScript.Architect), _ => { }, CancellationToken.None)
            .WaitAsync(Timeout);

        var estimate = Assert.Single(harness.Gate.Estimates);
        var call = Assert.Single(harness.LedgerFor(marker));
        Assert.Equal(call.PromptTokens, estimate.PromptTokens);
        Assert.Equal(call.ReservedTokens, estimate.ReservedTokens);
        Assert.Equal("main", estimate.Deployment);
        Assert.StartsWith("tenant-", estimate.TenantId, StringComparison.Ordinal);
        Assert.Contains(harness.Gate.RemainingTokens, remaining => remaining is > 0);
    }

    [Fact]
    public async Task A_429_with_retry_after_ms_is_retried_after_that_delay()
    {
        await using var harness = await AzureModelHarness.StartAsync();
        var marker = AzureModelHarness.Marker();
        var asked = TimeSpan.FromMilliseconds(700);
        harness.Server.Inject(Fault.WithStatus(429, asked), CarlosScript.For(marker));

        var outcome = await harness.Agents.RunAsync(AgentRole.Architect, AzureModelHarness.Context(marker),
            _ => { }, CancellationToken.None).WaitAsync(Timeout);

        var calls = harness.LedgerFor(marker);
        Assert.Equal([429, 200], calls.Select(c => c.Status));
        Assert.True(calls[1].ReceivedAt - calls[0].ReceivedAt >= asked - TimeSpan.FromMilliseconds(20),
            $"The retry came {(calls[1].ReceivedAt - calls[0].ReceivedAt).TotalMilliseconds} ms after the 429.");
        Assert.Equal(asked, Assert.Single(harness.Gate.Throttles));
        Assert.Equal(CarlosScript.Architect, outcome.Text);
        Assert.Contains(harness.Logs.Lines, l => l.Contains("[2101]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Repeated_5xx_open_the_circuit_and_the_step_fails_once_its_wait_limit_has_passed()
    {
        await using var harness = await AzureModelHarness.StartAsync(new()
        {
            // More retries than it takes to open the circuit, so that a slow machine cannot run out of them first.
            ["Carlos:Model:Resilience:MaxRetryAttempts"] = "10",
            ["Carlos:Model:Resilience:CircuitMinimumThroughput"] = "3",
            ["Carlos:Model:Resilience:CircuitBreakDuration"] = "00:00:00.500",
            ["Carlos:Model:Resilience:CircuitWaitLimit"] = "00:00:01",
        });
        var marker = AzureModelHarness.Marker();
        harness.Server.Inject(Fault.WithStatus(500), CarlosScript.For(marker), times: 1000);

        var failure = await Assert.ThrowsAsync<ModelUnavailableException>(() => harness.Agents.RunAsync(
            AgentRole.Architect, AzureModelHarness.Context(marker), _ => { }, CancellationToken.None)
            .WaitAsync(Timeout));

        Assert.Contains("circuit breaker stayed open", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'main'", failure.Message, StringComparison.Ordinal);
        Assert.Contains(harness.Logs.Lines, l => l.Contains("[2102]", StringComparison.Ordinal));
        Assert.Contains(harness.Logs.Lines, l => l.Contains("[2111]", StringComparison.Ordinal));
        // Three failures open the circuit; while it is open the server hears nothing, then one trial per break.
        Assert.InRange(harness.LedgerFor(marker).Count, 3, 8);
    }

    [Fact]
    public async Task Malformed_json_is_repaired_by_the_retry_that_shows_the_model_its_error()
    {
        await using var harness = await AzureModelHarness.StartAsync();
        var marker = AzureModelHarness.Marker();
        harness.Server.Inject(Fault.MalformedJson(), CarlosScript.For(marker, "security"));

        var outcome = await harness.Agents.RunAsync(AgentRole.Security,
            AzureModelHarness.Context(marker, CarlosScript.Architect), _ => { }, CancellationToken.None)
            .WaitAsync(Timeout);

        Assert.False(outcome.Degraded);
        Assert.Equal(82, outcome.Security!.OverallSecurityScore);
        var calls = harness.LedgerFor(marker);
        Assert.Equal(2, calls.Count);
        Assert.Contains("Your previous answer was not valid", calls[1].Call!.User, StringComparison.Ordinal);
        Assert.Equal(calls.Sum(c => c.PromptTokens), outcome.Usage.PromptTokens);
    }

    [Fact]
    public async Task A_second_answer_that_breaks_the_schema_marks_the_step_degraded_and_counts_it()
    {
        await using var harness = await AzureModelHarness.StartAsync();
        var meter = harness.Services.GetRequiredService<IMeterFactory>().Create(Telemetry.CarlosMetrics.MeterName);
        var degraded = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == ModelMetrics.DegradedStepsName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref degraded, value));
        listener.Start();
        var marker = AzureModelHarness.Marker();
        harness.Server.Inject(Fault.SchemaViolatingJson(), CarlosScript.For(marker, "reliability"), times: 2);

        var outcome = await harness.Agents.RunAsync(AgentRole.Reliability,
            AzureModelHarness.Context(marker, CarlosScript.Architect), _ => { }, CancellationToken.None)
            .WaitAsync(Timeout);

        Assert.True(outcome.Degraded);
        Assert.Null(outcome.Reliability);
        Assert.Contains("unexpected", outcome.DegradedReason, StringComparison.Ordinal);
        Assert.Equal(2, harness.LedgerFor(marker).Count);
        Assert.Equal(1, Interlocked.Read(ref degraded));
    }

    [Fact]
    public async Task A_dropped_stream_is_retried_and_the_answer_starts_again_from_nothing()
    {
        await using var harness = await AzureModelHarness.StartAsync();
        var marker = AzureModelHarness.Marker();
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Server.Inject(Fault.DropAfter(5, seen.Task), CarlosScript.For(marker));
        var restarts = new List<string>();

        var outcome = await harness.Agents.RunAsync(AgentRole.Architect, AzureModelHarness.Context(marker),
            _ => seen.TrySetResult(), restarts.Add, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal([CallOutcome.Dropped, CallOutcome.Completed], harness.LedgerFor(marker).Select(c => c.Outcome));
        Assert.Single(restarts);
        Assert.Equal(CarlosScript.Architect, outcome.Text);
    }

    [Fact]
    public async Task A_stalled_stream_is_abandoned_after_the_idle_timeout_and_retried()
    {
        await using var harness = await AzureModelHarness.StartAsync(new()
        {
            ["Carlos:Model:Resilience:StreamIdleTimeout"] = "00:00:01",
        });
        var marker = AzureModelHarness.Marker();
        harness.Server.Inject(Fault.StallAfter(3), CarlosScript.For(marker));

        var outcome = await harness.Agents.RunAsync(AgentRole.Architect, AzureModelHarness.Context(marker),
            _ => { }, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(CarlosScript.Architect, outcome.Text);
        await harness.Server.WaitForAsync(e => e.Outcome == CallOutcome.Aborted && e.Call is { } c
            && CarlosScript.For(marker)(c), Timeout);
        Assert.Equal(2, harness.LedgerFor(marker).Count);
    }

    [Fact]
    public async Task Cancelling_a_call_aborts_its_upstream_stream()
    {
        await using var harness = await AzureModelHarness.StartAsync();
        var marker = AzureModelHarness.Marker();
        harness.Server.Inject(Fault.StallAfter(3), CarlosScript.For(marker));
        using var cancel = new CancellationTokenSource();
        var firstText = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = harness.Agents.RunAsync(AgentRole.Architect, AzureModelHarness.Context(marker),
            _ => firstText.TrySetResult(), cancel.Token);
        await firstText.Task.WaitAsync(Timeout);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Timeout));
        var aborted = await harness.Server.WaitForAsync(e => e.Call is { } c && CarlosScript.For(marker)(c)
            && e.Outcome == CallOutcome.Aborted, Timeout);
        Assert.Single(harness.LedgerFor(marker));
        Assert.NotNull(aborted.EndedAt);
    }

    [Fact]
    public async Task An_unavailable_deployment_lets_the_builtin_model_answer_when_fallback_is_on()
    {
        await using var harness = await AzureModelHarness.StartAsync(new()
        {
            ["Carlos:Model:FallbackToBuiltin"] = "true",
            ["Carlos:Model:Resilience:MaxRetryAttempts"] = "1",
        });
        var marker = AzureModelHarness.Marker();
        harness.Server.Inject(Fault.WithStatus(503), CarlosScript.For(marker), times: 1000);

        var outcome = await harness.Agents.RunAsync(AgentRole.Architect,
            AzureModelHarness.Context($"App Service with PostgreSQL {marker}"), _ => { }, CancellationToken.None)
            .WaitAsync(Timeout);

        Assert.True(outcome.Degraded);
        Assert.Contains("did not answer after 2 attempts", outcome.DegradedReason, StringComparison.Ordinal);
        Assert.Contains("built-in model answered", outcome.DegradedReason, StringComparison.Ordinal);
        Assert.Contains("no language model", outcome.Text, StringComparison.OrdinalIgnoreCase);
        Assert.True(outcome.Usage.CompletionTokens > 0);
        Assert.Equal(2, harness.LedgerFor(marker).Count);
    }

    [Fact]
    public async Task Throttling_is_retried_but_never_opens_the_circuit()
    {
        await using var harness = await AzureModelHarness.StartAsync(new()
        {
            ["Carlos:Model:Resilience:CircuitMinimumThroughput"] = "2",
        });
        var marker = AzureModelHarness.Marker();
        harness.Server.Inject(Fault.WithStatus(429, TimeSpan.FromMilliseconds(10)), CarlosScript.For(marker), times: 4);

        var outcome = await harness.Agents.RunAsync(AgentRole.Architect, AzureModelHarness.Context(marker),
            _ => { }, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(CarlosScript.Architect, outcome.Text);
        Assert.Equal([429, 429, 429, 429, 200], harness.LedgerFor(marker).Select(c => c.Status));
        Assert.DoesNotContain(harness.Logs.Lines, l => l.Contains("[2102]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tokens_are_counted_per_tenant_and_deployment_on_the_carlos_meter()
    {
        await using var harness = await AzureModelHarness.StartAsync();
        var meter = harness.Services.GetRequiredService<IMeterFactory>().Create(Telemetry.CarlosMetrics.MeterName);
        var byType = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == ModelMetrics.ModelTokensName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        var context = AzureModelHarness.Context(AzureModelHarness.Marker());
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var all = tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString());
            if (all["carlos.tenant"] == context.TenantId && all["carlos.model.deployment"] == "main")
            {
                byType.AddOrUpdate(all["gen_ai.token.type"]!, value, (_, sum) => sum + value);
            }
        });
        listener.Start();

        var outcome = await harness.Agents.RunAsync(AgentRole.Architect, context, _ => { }, CancellationToken.None)
            .WaitAsync(Timeout);

        Assert.Equal(outcome.Usage.PromptTokens, byType["input"]);
        Assert.Equal(outcome.Usage.CompletionTokens, byType["output"]);
    }

    [Fact]
    public async Task A_first_token_slower_than_the_idle_timeout_is_retried_and_a_slow_one_within_it_is_awaited()
    {
        await using var harness = await AzureModelHarness.StartAsync(new()
        {
            ["Carlos:Model:Resilience:StreamIdleTimeout"] = "00:00:01.500",
        });
        var marker = AzureModelHarness.Marker();
        harness.Server.Inject(Fault.SlowFirstToken(TimeSpan.FromSeconds(20)), CarlosScript.For(marker), times: 1);
        harness.Server.Inject(Fault.SlowFirstToken(TimeSpan.FromMilliseconds(300)), CarlosScript.For(marker), times: 1);

        var outcome = await harness.Agents.RunAsync(AgentRole.Architect, AzureModelHarness.Context(marker),
            _ => { }, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(CarlosScript.Architect, outcome.Text);
        await harness.Server.WaitForAsync(e => e.Outcome == CallOutcome.Aborted && e.Call is { } c
            && CarlosScript.For(marker)(c), Timeout);
        Assert.Equal([CallOutcome.Aborted, CallOutcome.Completed], harness.LedgerFor(marker).Select(c => c.Outcome));
    }
}
