using Carlos.Contracts.Designs;
using Carlos.Contracts.Identity;
using Carlos.Silo.Hosting;
using Carlos.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Carlos.Tests.Redis;

public sealed class SecretLoggingTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task A_silo_on_redis_never_logs_or_stores_the_redis_password()
    {
        var logs = new CapturedLogs();
        var app = SiloApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["Carlos:Redis:ConnectionString"] = redis.ConnectionString,
                ["Carlos:Cluster:ClusterId"] = $"secrets-{Guid.NewGuid():N}",
                ["Carlos:Cluster:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Carlos:Cluster:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Carlos:Model:Builtin:TokensPerSecond"] = "200000",
                ["Logging:LogLevel:Default"] = "Trace",
                ["Logging:LogLevel:Orleans"] = "Trace",
            });
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddProvider(logs);
        });

        await app.StartAsync();
        try
        {
            var grains = app.Services.GetRequiredService<IGrainFactory>();
            var caller = new Caller("secrets", "alice");
            var grain = grains.GetGrain<IDesignWorkflowGrain>(Guid.NewGuid());
            await grain.StartAsync(caller, new DesignRequest("Redis cache and blob storage", new DesignSettings()));
            await WaitForTerminalAsync(grain, caller);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Assert.Contains(logs.Lines, l => l.Contains("Redis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(redis.Password, logs.All, StringComparison.Ordinal);

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var keys = server.Keys(pattern: "*").ToList();
        Assert.NotEmpty(keys);
        foreach (var key in keys.Where(k => connection.GetDatabase().KeyType(k) == RedisType.String))
        {
            Assert.DoesNotContain(redis.Password, (string?)await connection.GetDatabase().StringGetAsync(key) ?? "", StringComparison.Ordinal);
        }
    }

    private static async Task WaitForTerminalAsync(IDesignWorkflowGrain grain, Caller caller)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!(await grain.GetAsync(caller))!.Status.IsTerminal())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
