using System.Text.Json;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Identity;
using Carlos.Contracts.Serialization;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Rival;

/// <summary>Designs with the rival in the two-silo cluster: their steps, events, and overruling the choice.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RivalClusterTests(TestClusterFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static Caller NewCaller() => new($"tenant-{Guid.NewGuid():N}", "alice");

    private static DesignRequest WithRival(string requirements, DesignSettings? settings = null) =>
        new(requirements, settings ?? new DesignSettings()) { Rival = true };

    [Fact]
    public async Task Both_designs_their_reviews_and_the_choice_run_as_steps_with_ordered_unique_events()
    {
        var caller = NewCaller();
        var grain = fixture.Grains.GetGrain<IDesignWorkflowGrain>(Guid.NewGuid());

        await grain.StartAsync(caller, WithRival("AKS cluster with a PostgreSQL database"));
        var design = await WaitForEndAsync(grain, caller);
        var events = await EventsAsync(grain, caller, terminals: 1);

        Assert.Equal(DesignStatus.Completed, design.Status);
        Assert.Equal(
            ["architect.lead", "architect.rival", "clarifier.1", "cost.lead", "cost.rival", "recommender.choice",
                "reliability.lead", "reliability.rival", "security.lead", "security.rival", "terraform.lead",
                "terraform_check.lead", "validator.lead", "validator.rival"],
            design.Steps.Select(s => s.Step).Order(StringComparer.Ordinal));
        Assert.All(design.Steps.Where(s => s.Step.EndsWith(".rival", StringComparison.Ordinal)),
            s => Assert.Equal(DesignCandidate.Rival, s.Candidate));

        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        var completed = events.Where(e => e.Type == DesignEventType.AgentCompleted).Select(e => e.Step).ToList();
        Assert.Equal(completed.Distinct().Count(), completed.Count);
        Assert.All(events.Where(e => e.Type == DesignEventType.AgentStarted && e.Step!.Contains(".lead", StringComparison.Ordinal)),
            e => Assert.Equal(DesignCandidate.Lead, e.Candidate));
        Assert.Equal(2, events.Count(e => e.Type == DesignEventType.Validation));
        var choice = Assert.Single(events, e => e.Type == DesignEventType.Choice);
        Assert.Equal("recommender.choice", choice.Step);
        Assert.Equal(Json(design.Choice), Json(choice.Choice));
        Assert.True(choice.Sequence < events.Single(e => e.Type == DesignEventType.AgentStarted && e.Step == "terraform.lead").Sequence);
        Assert.NotNull(design.Rival!.DesignMarkdown);
        Assert.Contains("resource \"azurerm_kubernetes_cluster\"", design.Terraform, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overruling_the_choice_regenerates_only_the_Terraform_for_the_other_design()
    {
        var caller = NewCaller();
        var grain = fixture.Grains.GetGrain<IDesignWorkflowGrain>(Guid.NewGuid());
        var choosing = fixture.Grains.GetGrain<IDesignChoice>(grain.GetPrimaryKey());
        await grain.StartAsync(caller, WithRival("AKS cluster with a PostgreSQL database"));
        var before = await WaitForEndAsync(grain, caller);
        Assert.Equal(DesignCandidate.Lead, before.Choice!.Chosen);

        var accepted = await choosing.ChooseAsync(caller, DesignCandidate.Rival);
        var after = await WaitForEndAsync(grain, caller);
        var events = await EventsAsync(grain, caller, terminals: 2);

        Assert.Equal(ChooseStatus.Accepted, accepted.Status);
        Assert.Equal(DesignStatus.Completed, after.Status);
        Assert.Equal(DesignCandidate.Rival, after.Choice!.Chosen);
        Assert.True(after.Choice.Overruled);
        Assert.Equal(DesignCandidate.Lead, after.Choice.Recommended);
        Assert.Equal(Json(before.Choice.Reasons), Json(after.Choice.Reasons));

        // The designs, their reviews and the recommendation are as they were; every earlier step is untouched.
        Assert.Equal(Json(Designs(before)), Json(Designs(after)));
        Assert.Equal(Json(before.Steps), Json(after.Steps.Where(s => before.Steps.Any(b => b.Step == s.Step))));
        Assert.Equal(["terraform.rival", "terraform_check.rival"],
            after.Steps.Select(s => s.Step).Except(before.Steps.Select(s => s.Step)).Order(StringComparer.Ordinal));
        Assert.Contains("resource \"azurerm_container_app\"", after.Terraform, StringComparison.Ordinal);
        Assert.DoesNotContain("resource \"azurerm_kubernetes_cluster\"", after.Terraform, StringComparison.Ordinal);
        Assert.True(after.TerraformPassing);

        var rerun = events.Where(e => e.Sequence > accepted.EventsAfter).ToList();
        Assert.Equal(DesignEventType.Choice, rerun[0].Type);
        Assert.True(rerun[0].Choice!.Overruled);
        Assert.Equal(DesignEventType.Completed, rerun[^1].Type);
        Assert.All(rerun.Where(e => e.Step is not null), e => Assert.Contains(e.Agent, new[] { "terraform", "terraform_check" }));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));

        Assert.Equal(ChooseStatus.AlreadyChosen, (await choosing.ChooseAsync(caller, DesignCandidate.Rival)).Status);
        Assert.Equal(ChooseStatus.NotFound, (await choosing.ChooseAsync(NewCaller(), DesignCandidate.Lead)).Status);

        // Back to the recommender's choice: its Terraform was kept, so nothing runs again.
        Assert.Equal(ChooseStatus.Accepted, (await choosing.ChooseAsync(caller, DesignCandidate.Lead)).Status);
        var back = await WaitForEndAsync(grain, caller);
        Assert.False(back.Choice!.Overruled);
        Assert.Equal(before.Terraform, back.Terraform);
        Assert.Equal(after.Steps.Count, back.Steps.Count);
    }

    [Fact]
    public async Task Choosing_is_refused_while_a_design_waits_and_for_designs_without_a_choice()
    {
        var caller = NewCaller();
        var waiting = fixture.Grains.GetGrain<IDesignWorkflowGrain>(Guid.NewGuid());
        var single = fixture.Grains.GetGrain<IDesignWorkflowGrain>(Guid.NewGuid());
        var failing = fixture.Grains.GetGrain<IDesignWorkflowGrain>(Guid.NewGuid());

        // The cluster's designs wait two seconds for answers: ask at once.
        await waiting.StartAsync(caller, WithRival("Something for our team"));
        Assert.Equal(DesignStatus.AwaitingAnswers, (await WaitForEndAsync(waiting, caller)).Status);
        Assert.Equal(ChooseStatus.StillRunning, (await Choose(waiting).ChooseAsync(caller, DesignCandidate.Rival)).Status);

        await single.StartAsync(caller, new DesignRequest("Redis cache", new DesignSettings()));
        await failing.StartAsync(caller, WithRival("AKS with PostgreSQL", new DesignSettings { MonthlyBudgetUsd = 1 }));
        await WaitForEndAsync(single, caller);
        Assert.Equal(DesignStatus.RevisionRequired, (await WaitForEndAsync(failing, caller)).Status);
        Assert.Equal(ChooseStatus.NoChoice, (await Choose(single).ChooseAsync(caller, DesignCandidate.Rival)).Status);
        Assert.Equal(ChooseStatus.NoChoice, (await Choose(failing).ChooseAsync(caller, DesignCandidate.Rival)).Status);
    }

    private IDesignChoice Choose(IDesignWorkflowGrain grain) => fixture.Grains.GetGrain<IDesignChoice>(grain.GetPrimaryKey());

    /// <summary>Everything of a snapshot that overruling must leave as it was.</summary>
    private static object Designs(DesignSnapshot d) => new
    {
        d.DesignMarkdown, d.Security, d.Cost, d.Reliability, d.Validation, d.SecurityMarkdown, d.CostMarkdown,
        d.ReliabilityMarkdown, d.Rival, d.Recommendation, d.Rounds,
    };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, CarlosJson.Options);

    private async Task<DesignSnapshot> WaitForEndAsync(IDesignWorkflowGrain grain, Caller caller)
    {
        using var cancel = new CancellationTokenSource(Timeout);
        var observer = new DesignEventSink();
        var reference = fixture.Grains.CreateObjectReference<IDesignObserver>(observer);
        Assert.True(await grain.SubscribeAsync(caller, reference));
        while (true)
        {
            var snapshot = await grain.GetAsync(caller);
            if (snapshot!.Status.IsTerminal() || snapshot.Status == DesignStatus.AwaitingAnswers)
            {
                fixture.Grains.DeleteObjectReference<IDesignObserver>(reference);
                return snapshot;
            }

            await observer.WaitAsync(cancel.Token);
        }
    }

    /// <summary>The stored log, read until it holds the given number of terminal events.</summary>
    private static async Task<List<DesignEvent>> EventsAsync(IDesignWorkflowGrain grain, Caller caller, int terminals)
    {
        var events = new List<DesignEvent>();
        using var cancel = new CancellationTokenSource(Timeout);
        while (events.Count(e => e.IsTerminal) < terminals)
        {
            var page = (await grain.GetEventsAsync(caller, events.Count, 500))!;
            events.AddRange(page.Events);
            if (page.Events.Count == 0)
            {
                await Task.Delay(20, cancel.Token);
            }
        }

        return events;
    }
}
