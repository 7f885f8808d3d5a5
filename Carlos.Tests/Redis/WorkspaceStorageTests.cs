using Carlos.Contracts.Designs;
using Carlos.Contracts.Identity;
using Carlos.Contracts.Workspace;
using Carlos.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Carlos.Tests.Redis;

public sealed class WorkspaceStorageTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task Deleting_a_design_removes_its_state_events_and_record_keys_from_redis()
    {
        await using var cluster = new MultiProcessCluster(redis);
        var silo = await cluster.StartSiloAsync();
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        var caller = new Caller($"r-{Guid.NewGuid():N}"[..16], "alice");
        var id = Guid.NewGuid();
        var design = grains.GetGrain<IDesignWorkflowGrain>(id);
        await design.StartAsync(caller, new DesignRequest("AKS with PostgreSQL", new DesignSettings()) { AllowQuestions = false });
        while (!(await design.GetAsync(caller))!.Status.IsTerminal())
        {
            await Task.Delay(50);
        }

        await grains.GetGrain<IDeploymentFeedbackGrain>(id).SaveAsync(caller,
            new DeploymentFeedback(false, null, "azure", "test", null, [], null, 3));
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        List<string> KeysOfDesign() => server.Keys(pattern: $"*{id:N}*").Select(k => k.ToString())
            .Concat(server.Keys(pattern: $"*{id:D}*").Select(k => k.ToString())).Distinct().ToList();
        var before = KeysOfDesign();

        Assert.True(await design.DeleteAsync(caller));

        Assert.Contains(before, k => k.Contains("carlos.design/", StringComparison.Ordinal));
        Assert.Contains(before, k => k.Contains("carlos.design-events", StringComparison.Ordinal));
        Assert.Contains(before, k => k.Contains("carlos.deployment-feedback", StringComparison.Ordinal));
        Assert.Empty(KeysOfDesign());
        Assert.Null(await design.GetAsync(caller));
    }
}
