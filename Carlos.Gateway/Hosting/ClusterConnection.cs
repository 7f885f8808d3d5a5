using Carlos.Grains.Hosting;
using Orleans.Configuration;

namespace Carlos.Gateway.Hosting;

/// <summary>Connects the gateway to the cluster as <c>Carlos:Cluster:Mode</c> says: a silo in-process, or a client.</summary>
internal static partial class ClusterConnection
{
    public static WebApplicationBuilder AddCarlosCluster(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var cluster = ConfigurationGuard.Bind<CarlosClusterOptions>(configuration, CarlosClusterOptions.SectionName);
        var redis = ConfigurationGuard.Bind<CarlosRedisOptions>(configuration, CarlosRedisOptions.SectionName);

        DevelopmentIdentity.Apply(builder, cluster, redis);
        if (cluster.Mode == ClusterMode.Embedded)
        {
            var development = DevelopmentIdentity.IsEnabled(builder, cluster);
            builder.UseOrleans(silo => silo.UseCarlosSilo(configuration, development));
            if (!redis.IsConfigured)
            {
                builder.Services.AddHostedService<InMemoryStateWarning>();
            }

            return builder;
        }

        builder.UseOrleansClient(client =>
        {
            client.AddActivityPropagation();
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            if (redis.IsConfigured)
            {
                var connection = CarlosSiloHosting.RedisConnection(redis);
                client.UseRedisClustering(o => o.ConfigurationOptions = connection.Clone());
            }
            else
            {
                client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
            }
        });
        return builder;
    }

    /// <summary>Says once, at start-up, that an embedded silo without Redis forgets everything when it stops.</summary>
    private sealed partial class InMemoryStateWarning(ILogger<InMemoryStateWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            LogInMemory(logger);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
            Message = "Embedded silo with in-memory storage: designs and all other state are lost when this process stops. Set Carlos:Redis:ConnectionString to keep them.")]
        private static partial void LogInMemory(ILogger logger);
    }
}
