using System.Diagnostics;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Identity;
using Carlos.Grains.Workflow;
using Carlos.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Carlos.Tests.Redis;

public sealed class HandOverTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly Dictionary<string, string?> Slow = new() { ["Carlos:Model:Builtin:TokensPerSecond"] = "150" };

    [Fact]
    public async Task A_silo_that_shuts_down_hands_its_running_designs_to_another_at_once()
    {
        await using var cluster = new MultiProcessCluster(redis, Slow);
        await cluster.StartSiloAsync();
        await cluster.StartSiloAsync();
        var caller = new Caller("acme", "alice");
        var grains = cluster.Silos[0].Services.GetRequiredService<IGrainFactory>();
        var ids = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in ids)
        {
            await grains.GetGrain<IDesignWorkflowGrain>(id).StartAsync(caller, new DesignRequest("AKS with PostgreSQL", new DesignSettings()));
        }

        await WaitUntilAsync(async () => (await grains.GetGrain<IDesignWorkflowGrain>(ids[0]).GetEventsAsync(caller, 0, 1000))!
            .Events.Any(e => e.Type == DesignEventType.AgentCompleted));
        var holder = await SiloOfAsync(cluster, ids[0]);
        var survivor = cluster.Silos.Single(s => s != holder).Services.GetRequiredService<IGrainFactory>();
        var stopped = Stopwatch.StartNew();
        await cluster.StopAsync(holder);
        var atStop = (await survivor.GetGrain<IDesignWorkflowGrain>(ids[0]).GetEventsAsync(caller, 0, 5000))!.Events;

        await WaitUntilAsync(async () => (await survivor.GetGrain<IDesignWorkflowGrain>(ids[0]).GetEventsAsync(caller, atStop[^1].Sequence, 10))!
            .Events.Any(e => e.Type == DesignEventType.Token), 30);
        var resumedAfter = stopped.Elapsed;
        Assert.DoesNotContain(atStop, e => e.IsTerminal);
        Assert.Contains(atStop, e => e.Type == DesignEventType.StepRestarted);
        foreach (var id in ids)
        {
            await WaitUntilAsync(async () => (await survivor.GetGrain<IDesignWorkflowGrain>(id).GetAsync(caller))!.Status.IsTerminal());
            var events = (await survivor.GetGrain<IDesignWorkflowGrain>(id).GetEventsAsync(caller, 0, 5000))!.Events;
            Assert.Equal(DesignEventType.Completed, events[^1].Type);
            Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
            var completedSteps = events.Where(e => e.Type == DesignEventType.AgentCompleted).Select(e => e.Step).ToList();
            Assert.Equal(completedSteps.Distinct().Count(), completedSteps.Count);
        }

        // Well inside the one-minute reminder period: the hand-over did it, not the reminder.
        Assert.True(resumedAfter < TimeSpan.FromSeconds(30), $"resumed after {resumedAfter}");
    }

    internal static async Task<WebApplication> SiloOfAsync(MultiProcessCluster cluster, Guid designId)
    {
        var grains = cluster.Silos[0].Services.GetRequiredService<IGrainFactory>();
        var stats = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var design = stats.Single(s => s.GrainType.Contains(nameof(DesignWorkflowGrain), StringComparison.Ordinal)
            && s.GrainId.ToString().Contains(designId.ToString("N"), StringComparison.OrdinalIgnoreCase));
        return cluster.Silos.Single(s => s.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress == design.SiloAddress);
    }

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition, int seconds = 120)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(seconds), "timed out waiting");
            await Task.Delay(100);
        }
    }
}
