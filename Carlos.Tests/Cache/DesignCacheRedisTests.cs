using Carlos.Contracts.Designs;
using Carlos.Contracts.Identity;
using Carlos.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Carlos.Tests.Cache;

public sealed class DesignCacheRedisTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task A_cache_entry_stored_in_redis_answers_a_design_on_a_new_silo()
    {
        await using var cluster = new MultiProcessCluster(redis);
        var caller = new Caller($"acme-{Guid.NewGuid():N}"[..20], "alice");
        var request = new DesignRequest("Azure Functions with Event Hubs and Cosmos DB", new DesignSettings());
        var silo = await cluster.StartSiloAsync();
        var first = await DesignAsync(silo.Services.GetRequiredService<IGrainFactory>(), caller, request);
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
        {
            var keys = connection.GetServer(connection.GetEndPoints()[0]).Keys(pattern: "*carlos.cache-entry*").ToList();
            Assert.Single(keys);
        }

        await cluster.StopAsync(silo);
        var next = await cluster.StartSiloAsync();
        var second = await DesignAsync(next.Services.GetRequiredService<IGrainFactory>(), caller,
            request with { Requirements = "azure functions, with event hubs and cosmos db." });

        Assert.Equal(DesignEventType.DesignStarted, first[0].Type);
        Assert.Equal(DesignEventType.CacheHit, second[0].Type);
        Assert.Equal(DesignEventType.Completed, second[^1].Type);
    }

    private static async Task<IReadOnlyList<DesignEvent>> DesignAsync(
        IGrainFactory grains, Caller caller, DesignRequest request)
    {
        var grain = grains.GetGrain<IDesignWorkflowGrain>(Guid.NewGuid());
        await grain.StartAsync(caller, request);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!(await grain.GetAsync(caller))!.Status.IsTerminal())
        {
            await Task.Delay(50, cancel.Token);
        }

        return (await grain.GetEventsAsync(caller, 0, 1000))!.Events;
    }
}
