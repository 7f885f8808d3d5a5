using Carlos.Contracts.Designs;
using Carlos.Contracts.Identity;
using Carlos.Tests.Infrastructure;
using Carlos.Tests.Redis;
using Microsoft.Extensions.DependencyInjection;

namespace Carlos.Tests.Rival;

/// <summary>
/// A design with the rival survives the loss of its silo, and so does an overruled choice: two silos share a real
/// Redis (memory storage would lose state with the silo), and the design's silo is stopped mid-run.
/// </summary>
public sealed class RivalRestartTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly Dictionary<string, string?> Paced = new() { ["Carlos:Model:Builtin:TokensPerSecond"] = "1500" };

    [Fact]
    public async Task The_rival_steps_and_an_overrule_survive_a_silo_stop_without_rerunning_finished_steps()
    {
        await using var cluster = new MultiProcessCluster(redis, Paced);
        await cluster.StartSiloAsync();
        await cluster.StartSiloAsync();
        var caller = new Caller("acme", "alice");
        var id = Guid.NewGuid();
        var grains = cluster.Silos[0].Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IDesignWorkflowGrain>(id).StartAsync(caller,
            new DesignRequest("AKS cluster with a PostgreSQL database", new DesignSettings()) { Rival = true });

        await HandOverTests.WaitUntilAsync(async () => Completed(await EventsAsync(grains, id, caller)).Contains("architect.rival"), 60);
        var finishedBefore = Completed(await EventsAsync(grains, id, caller));
        grains = await StopDesignSiloAsync(cluster, id);
        var design = await EndAsync(grains, id, caller);
        var events = await EventsAsync(grains, id, caller);

        Assert.Equal(DesignStatus.Completed, design.Status);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(Completed(events).Distinct().Count(), Completed(events).Count);
        Assert.All(finishedBefore, step => Assert.Single(events, e => e.Type == DesignEventType.AgentStarted && e.Step == step));
        Assert.Contains(design.Steps, s => s.Step == "validator.rival");
        Assert.Contains(design.Steps, s => s.Step == "recommender.choice");
        Assert.Equal(DesignCandidate.Lead, design.Choice!.Chosen);

        await cluster.StartSiloAsync();
        var accepted = await grains.GetGrain<IDesignChoice>(id).ChooseAsync(caller, DesignCandidate.Rival);
        await HandOverTests.WaitUntilAsync(async () => (await EventsAsync(grains, id, caller))
            .Any(e => e.Type == DesignEventType.Token && e.Step == "terraform.rival"), 60);
        grains = await StopDesignSiloAsync(cluster, id);
        var overruled = await EndAsync(grains, id, caller);
        var all = await EventsAsync(grains, id, caller);

        Assert.Equal(ChooseStatus.Accepted, accepted.Status);
        Assert.Equal(DesignStatus.Completed, overruled.Status);
        Assert.Equal(DesignCandidate.Rival, overruled.Choice!.Chosen);
        Assert.Contains("resource \"azurerm_container_app\"", overruled.Terraform, StringComparison.Ordinal);
        Assert.Equal(Completed(all).Distinct().Count(), Completed(all).Count);
        Assert.All(Completed(events), step => Assert.Equal(Starts(events, step), Starts(all, step)));
        Assert.Equal(["terraform.rival", "terraform_check.rival"], Completed(all).Except(Completed(events)).Order(StringComparer.Ordinal));
        Assert.Equal(2, all.Count(e => e.Type == DesignEventType.Completed));
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), all.Select(e => e.Sequence));
    }

    private static int Starts(IEnumerable<DesignEvent> events, string step) =>
        events.Count(e => e.Type == DesignEventType.AgentStarted && e.Step == step);

    private static List<string> Completed(IEnumerable<DesignEvent> events) =>
        events.Where(e => e.Type == DesignEventType.AgentCompleted).Select(e => e.Step!).ToList();

    /// <summary>Stops the silo that holds the design (it hands the design over) and returns the survivor's grains.</summary>
    private static async Task<IGrainFactory> StopDesignSiloAsync(MultiProcessCluster cluster, Guid id)
    {
        var holder = await HandOverTests.SiloOfAsync(cluster, id);
        await cluster.StopAsync(holder);
        return cluster.Silos[0].Services.GetRequiredService<IGrainFactory>();
    }

    private static async Task<DesignSnapshot> EndAsync(IGrainFactory grains, Guid id, Caller caller)
    {
        DesignSnapshot? design = null;
        await HandOverTests.WaitUntilAsync(async () =>
            (design = await grains.GetGrain<IDesignWorkflowGrain>(id).GetAsync(caller))!.Status.IsTerminal(), 60);
        return design!;
    }

    private static async Task<IReadOnlyList<DesignEvent>> EventsAsync(IGrainFactory grains, Guid id, Caller caller) =>
        (await grains.GetGrain<IDesignWorkflowGrain>(id).GetEventsAsync(caller, 0, 1000))!.Events;
}
