using Carlos.Contracts.Designs;
using Carlos.Contracts.Identity;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Workflow;

[Collection(ClusterCollection.Name)]
public sealed class DesignWorkflowClusterTests(TestClusterFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static Caller NewCaller() => new($"tenant-{Guid.NewGuid():N}", "alice");

    private async Task<DesignSnapshot> WaitForEndAsync(IDesignWorkflowGrain grain, Caller caller)
    {
        using var cancel = new CancellationTokenSource(Timeout);
        var observer = new Infrastructure.DesignEventSink();
        var reference = fixture.Grains.CreateObjectReference<IDesignObserver>(observer);
        Assert.True(await grain.SubscribeAsync(caller, reference));
        while (true)
        {
            var snapshot = await grain.GetAsync(caller);
            if (snapshot!.Status.IsTerminal())
            {
                fixture.Grains.DeleteObjectReference<IDesignObserver>(reference);
                return snapshot;
            }

            await observer.WaitAsync(cancel.Token);
        }
    }

    [Fact]
    public async Task A_design_runs_every_step_once_and_completes_with_terraform()
    {
        var caller = NewCaller();
        var grain = fixture.Grains.GetGrain<IDesignWorkflowGrain>(Guid.NewGuid());

        var started = await grain.StartAsync(caller, new DesignRequest("AKS cluster with a PostgreSQL database", new DesignSettings()));
        var design = await WaitForEndAsync(grain, caller);

        Assert.True(started!.Created);
        Assert.Equal(DesignStatus.Completed, design.Status);
        Assert.Equal(
            ["architect.1", "clarifier.1", "cost.1", "recommender.1", "reliability.1", "security.1", "terraform.1",
                "terraform_check.1", "validator.1"],
            design.Steps.Select(s => s.Step).Order(StringComparer.Ordinal));
        Assert.Contains("azurerm_kubernetes_cluster", design.Terraform, StringComparison.Ordinal);
        Assert.Equal(Contracts.Reports.TerraformCheckResult.Pass, design.TerraformCheck!.Result);
        Assert.True(design.TerraformPassing);
        Assert.True(design.Usage.TotalTokens > 0);
        Assert.Equal("builtin", design.Model);
    }

    [Fact]
    public async Task The_event_log_is_numbered_from_one_without_gaps_and_ends_with_the_terminal_event()
    {
        var caller = NewCaller();
        var grain = fixture.Grains.GetGrain<IDesignWorkflowGrain>(Guid.NewGuid());
        await grain.StartAsync(caller, new DesignRequest("Functions with Cosmos DB", new DesignSettings()));
        await WaitForEndAsync(grain, caller);

        // The terminal status is stored a moment before the terminal event: read until the log has it.
        var events = new List<DesignEvent>();
        using var cancel = new CancellationTokenSource(Timeout);
        while (events.Count == 0 || !events[^1].IsTerminal)
        {
            var page = (await grain.GetEventsAsync(caller, events.Count, 100))!;
            events.AddRange(page.Events);
            if (page.Events.Count == 0)
            {
                await Task.Delay(20, cancel.Token);
            }
        }

        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(DesignEventType.DesignStarted, events[0].Type);
        Assert.Equal(DesignEventType.Completed, events[^1].Type);
        Assert.Single(events, e => e.IsTerminal);
        Assert.All(events.Where(e => e.Type is DesignEventType.AgentStarted or DesignEventType.Token or DesignEventType.AgentCompleted),
            e => Assert.False(string.IsNullOrEmpty(e.Step)));
        Assert.True(events.Count(e => e.Type == DesignEventType.Token) >= 7);
        var check = Assert.Single(events, e => e.Type == DesignEventType.TerraformCheck);
        Assert.Equal("terraform_check.1", check.Step);
        Assert.Equal(Contracts.Reports.TerraformCheckResult.Pass, check.TerraformCheck!.Result);
    }

    [Fact]
    public async Task A_design_the_validator_keeps_failing_ends_revision_required()
    {
        var caller = NewCaller();
        var grain = fixture.Grains.GetGrain<IDesignWorkflowGrain>(Guid.NewGuid());

        await grain.StartAsync(caller, new DesignRequest("AKS with PostgreSQL", new DesignSettings { MonthlyBudgetUsd = 1 }));
        var design = await WaitForEndAsync(grain, caller);

        Assert.Equal(DesignStatus.RevisionRequired, design.Status);
        Assert.Contains(design.Steps, s => s.Step == "architect.2");
        Assert.DoesNotContain(design.Steps, s => s.Agent == "terraform");
        Assert.False(design.Validation!.ValidationPassed);
    }

    [Fact]
    public async Task Another_tenant_sees_nothing_of_a_design()
    {
        var owner = NewCaller();
        var stranger = NewCaller();
        var colleague = owner with { UserId = "bob" };
        var admin = owner with { UserId = "carol", Role = CallerRole.TenantAdmin };
        var grain = fixture.Grains.GetGrain<IDesignWorkflowGrain>(Guid.NewGuid());
        await grain.StartAsync(owner, new DesignRequest("App Service web app", new DesignSettings()));

        Assert.Null(await grain.GetAsync(stranger));
        Assert.Null(await grain.GetEventsAsync(stranger, 0, 10));
        Assert.Null(await grain.GetAsync(colleague));
        Assert.NotNull(await grain.GetAsync(admin));
        Assert.Equal(CancelOutcome.NotFound, await grain.CancelAsync(stranger));
        Assert.Null(await grain.StartAsync(stranger, new DesignRequest("hijack", new DesignSettings())));
    }

    [Fact]
    public async Task Starting_the_same_id_again_returns_the_existing_design()
    {
        var caller = NewCaller();
        var grain = fixture.Grains.GetGrain<IDesignWorkflowGrain>(Guid.NewGuid());

        var first = await grain.StartAsync(caller, new DesignRequest("Azure SQL", new DesignSettings()));
        var second = await grain.StartAsync(caller, new DesignRequest("Something else", new DesignSettings()));

        Assert.True(first!.Created);
        Assert.False(second!.Created);
        Assert.Equal("Azure SQL", (await grain.GetAsync(caller))!.Requirements);
    }

    [Fact]
    public async Task Cancelling_a_finished_design_changes_nothing()
    {
        var caller = NewCaller();
        var grain = fixture.Grains.GetGrain<IDesignWorkflowGrain>(Guid.NewGuid());
        await grain.StartAsync(caller, new DesignRequest("Redis cache", new DesignSettings()));
        await WaitForEndAsync(grain, caller);

        Assert.Equal(CancelOutcome.AlreadyFinished, await grain.CancelAsync(caller));
        Assert.Equal(DesignStatus.Completed, (await grain.GetAsync(caller))!.Status);
    }
}
