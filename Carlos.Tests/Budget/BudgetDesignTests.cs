using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Carlos.Contracts.Budget;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Carlos.Contracts.Usage;
using Carlos.Testing.AzureOpenAI;
using Carlos.Tests.AzureOpenAI;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Budget;

/// <summary>Designs against the Azure OpenAI test server through the token budget, over real HTTP.</summary>
public sealed class BudgetDesignTests(BudgetGateway gateway) : IClassFixture<BudgetGateway>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Cancelling_a_design_aborts_its_model_call_and_releases_the_tokens_reserved_for_it()
    {
        var marker = AzureModelHarness.Marker();
        gateway.Server.Inject(Fault.StallAfter(3), CarlosScript.For(marker, "architect"));
        using var cancel = new CancellationTokenSource(Timeout);
        BudgetSnapshot? inFlight = null;

        using var response = await gateway.StartStreamingAsync(Body(marker), cancel.Token);
        var events = new List<DesignEvent>();
        await foreach (var message in SseClient.ReadAsync(response, cancel.Token))
        {
            if (message.Data is null)
            {
                continue;
            }

            events.Add(message.Parse());
            if (inFlight is null && events[^1] is { Type: DesignEventType.Token, Agent: "architect" })
            {
                inFlight = await gateway.Budget.GetSnapshotAsync();
                using var cancelled = await gateway.Client.PostAsync($"/v1/designs/{events[0].DesignId}/cancel", null);
                Assert.True(cancelled.IsSuccessStatusCode);
            }

            if (events[^1].IsTerminal)
            {
                break;
            }
        }

        var aborted = await gateway.Server.WaitForAsync(
            e => e.Call is { } c && CarlosScript.For(marker, "architect")(c) && e.Outcome == CallOutcome.Aborted,
            Timeout);
        var released = await EventuallyAsync(s => s.CallsInFlight == 0);

        Assert.Equal(DesignEventType.Cancelled, events[^1].Type);
        Assert.Equal(1, inFlight!.CallsInFlight);
        Assert.Equal(aborted.ReservedTokens, inFlight.TokensInFlight);
        Assert.Equal(0, released.TokensInFlight);
        // The window now holds exactly what the deployment charges: the aborted call's prompt, not its output limit.
        Assert.Equal(BudgetGateway.TokensPerMinute - gateway.Server.Remaining("gpt-4o").Tokens,
            released.TokensInWindow);
    }

    [Fact]
    public async Task A_step_waiting_for_the_budget_emits_queued_and_cancelling_the_design_takes_it_out_of_the_queue()
    {
        var marker = AzureModelHarness.Marker();
        var room = BudgetGateway.TokensPerMinute - (await gateway.Budget.GetSnapshotAsync()).TokensInWindow;
        var filler = new BudgetAsk(Guid.NewGuid(), "another-tenant", ModelCallPriority.Background,
            (int)room - 500, 0, BudgetGateway.Quota, TimeSpan.FromMinutes(5));
        Assert.Equal(BudgetGrantStatus.Admitted, (await gateway.Budget.ReserveAsync(filler)).Status);
        using var cancel = new CancellationTokenSource(Timeout);
        var events = new List<DesignEvent>();
        BudgetSnapshot? waiting = null;
        try
        {
            using var response = await gateway.StartStreamingAsync(Body(marker), cancel.Token);
            await foreach (var message in SseClient.ReadAsync(response, cancel.Token))
            {
                if (message.Data is null)
                {
                    continue;
                }

                events.Add(message.Parse());
                if (waiting is null && events[^1].Type == DesignEventType.Queued)
                {
                    waiting = await gateway.Budget.GetSnapshotAsync();
                    using var cancelled = await gateway.Client.PostAsync($"/v1/designs/{events[0].DesignId}/cancel",
                        null);
                    Assert.True(cancelled.IsSuccessStatusCode);
                }

                if (events[^1].IsTerminal)
                {
                    break;
                }
            }
        }
        finally
        {
            await gateway.Budget.CancelAsync(filler.Ticket);
        }

        Assert.True(waiting is not null, string.Join(", ", events.Select(e => $"{e.Type} {e.Text}")));
        var queued = events.Single(e => e.Type == DesignEventType.Queued);
        var last = events[^1];
        var left = await EventuallyAsync(s => s.Queued == 0);
        Assert.Equal("token_budget", queued.Reason);
        Assert.Equal(1, queued.Position);
        Assert.NotNull(queued.EstimatedStart);
        Assert.NotNull(queued.Step);
        Assert.Equal(1, waiting.Queued);
        Assert.Equal(DesignEventType.Cancelled, last.Type);
        Assert.Equal(0, left.Queued);
        Assert.Empty(gateway.LedgerFor(marker));
    }

    [Fact]
    public async Task A_tenant_that_used_up_its_daily_cap_is_refused_a_new_design_with_429_naming_the_cap()
    {
        var tenant = $"capped-{Guid.NewGuid():N}";
        using var client = gateway.CreateClient(await gateway.NewTenantKeyAsync(tenant, plan: "capped"));
        await gateway.Grains.GetGrain<ITenantUsageGrain>(tenant).AddAsync(new TokenUsage(BudgetGateway.DailyCap, 0));

        using var refused = await client.PostAsync("/v1/designs", GatewayServer.Json(Body("capped")));
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        var usage = JsonDocument.Parse(await client.GetStringAsync("/v1/usage")).RootElement;

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("https://carlos.dev/problems/spend-cap", problem.GetProperty("type").GetString());
        Assert.Equal("tokens_per_day", problem.GetProperty("cap").GetString());
        Assert.Equal(BudgetGateway.DailyCap, problem.GetProperty("limit").GetInt64());
        var reset = problem.GetProperty("resetAt").GetDateTimeOffset();
        Assert.Equal(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(1), reset.UtcDateTime);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(BudgetGateway.DailyCap, usage.GetProperty("caps").GetProperty("tokensPerDay").GetInt64());
        Assert.Equal(BudgetGateway.DailyCap, usage.GetProperty("today").GetProperty("promptTokens").GetInt64());
    }

    [Fact]
    public async Task A_design_that_reaches_its_tenants_cap_mid_way_fails_with_an_event_naming_the_cap()
    {
        var tenant = $"capped-{Guid.NewGuid():N}";
        var marker = AzureModelHarness.Marker();
        using var client = gateway.CreateClient(await gateway.NewTenantKeyAsync(tenant, plan: "capped"));
        await gateway.Grains.GetGrain<ITenantUsageGrain>(tenant)
            .AddAsync(new TokenUsage(BudgetGateway.DailyCap - 100, 0));
        using var cancel = new CancellationTokenSource(Timeout);

        using var accepted = await client.PostAsync("/v1/designs", GatewayServer.Json(Body(marker)));
        var id = (await accepted.Content.ReadFromJsonAsync<DesignSummary>(Contracts.Serialization.CarlosJson.Options))!.Id;
        using var stream = await client.GetAsync($"/v1/designs/{id}/events", HttpCompletionOption.ResponseHeadersRead,
            cancel.Token);
        var events = await SseClient.ReadDesignEventsAsync(stream, cancel.Token);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(DesignEventType.Failed, events[^1].Type);
        Assert.Contains("daily cap", events[^1].Text, StringComparison.Ordinal);
        Assert.Contains("resets at", events[^1].Text, StringComparison.Ordinal);
        Assert.Empty(gateway.LedgerFor(marker));
    }

    [Fact]
    public async Task Admissions_are_paced_to_a_sixth_of_the_quota_in_each_sixth_of_the_window()
    {
        var budget = gateway.Grains.GetGrain<ITokenBudgetGrain>($"paced-{Guid.NewGuid():N}");
        var quota = new DeploymentQuota(6000, 1000, Provisioned: false);
        BudgetAsk Ask() => new(Guid.NewGuid(), "paced", ModelCallPriority.Interactive, 100, 500, quota,
            TimeSpan.FromMinutes(5));

        var first = await budget.ReserveAsync(Ask());
        var second = await budget.ReserveAsync(Ask());
        var third = await budget.ReserveAsync(Ask());

        // 1,200 of the minute's 6,000 tokens are taken, but the last sixth already holds its 1,000.
        Assert.Equal(BudgetGrantStatus.Admitted, first.Status);
        Assert.Equal(BudgetGrantStatus.Admitted, second.Status);
        Assert.Equal(BudgetGrantStatus.Queued, third.Status);
        Assert.Equal(1200, (await budget.GetSnapshotAsync()).TokensInWindow);
        await budget.CancelAsync(third.Ticket);
    }

    private async Task<BudgetSnapshot> EventuallyAsync(Func<BudgetSnapshot, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var snapshot = await gateway.Budget.GetSnapshotAsync();
            if (done(snapshot) || clock.Elapsed > Timeout)
            {
                return snapshot;
            }

            await Task.Delay(50);
        }
    }

    // One architect at a time (no rival), so that the calls in flight can be counted exactly.
    private static string Body(string marker) =>
        $$"""{"requirements":"App Service and PostgreSQL {{marker}}","rival":false}""";
}
