using System.Net;
using Carlos.Grains.Agents;
using Carlos.Grains.BuiltinModel;
using Carlos.Grains.Catalog;
using Carlos.Grains.Model;
using Carlos.Grains.Terraform;
using Carlos.Grains.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Persistence;
using StackExchange.Redis;

namespace Carlos.Grains.Hosting;

/// <summary>How a process becomes a Carlos silo: the separate silo host and the gateway's embedded one alike.</summary>
public static class CarlosSiloHosting
{
    /// <summary>
    /// Clustering, storage and reminders (Redis when <c>Carlos:Redis:ConnectionString</c> is set, else localhost and
    /// memory), then the grains' services.
    /// </summary>
    public static ISiloBuilder UseCarlosSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = ConfigurationGuard.Bind<CarlosClusterOptions>(configuration, CarlosClusterOptions.SectionName);
        var redis = ConfigurationGuard.Bind<CarlosRedisOptions>(configuration, CarlosRedisOptions.SectionName);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });

        if (redis.IsConfigured)
        {
            var connection = RedisConnection(redis);
            silo.UseRedisClustering(o => o.ConfigurationOptions = connection.Clone())
                .AddRedisGrainStorage(StorageNames.Default,
                    (RedisStorageOptions o) => o.ConfigurationOptions = connection.Clone())
                .UseRedisReminderService(o => o.ConfigurationOptions = connection.Clone())
                .ConfigureEndpoints(AdvertisedAddress(cluster), cluster.SiloPort, cluster.GatewayPort,
                    listenOnAnyHostAddress: true);
        }
        else
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort)
                .AddMemoryGrainStorage(StorageNames.Default)
                .UseInMemoryReminderService();
        }

        silo.Services.AddCarlosGrainServices(configuration);
        return silo;
    }

    /// <summary>The services grains depend on, without clustering or storage (test clusters bring their own).</summary>
    public static IServiceCollection AddCarlosGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BuiltinModelOptions>().Bind(configuration.GetSection(BuiltinModelOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WorkflowOptions>().Bind(configuration.GetSection(WorkflowOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ModelOptions>().Bind(configuration.GetSection(ModelOptions.SectionName))
            .Validate(o => o.Provider == ModelOptions.BuiltinProvider,
                $"{ModelOptions.SectionName}:Provider must be '{ModelOptions.BuiltinProvider}'.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => ServiceCatalog.LoadBundled());
        services.TryAddSingleton<CostEstimator>();
        services.TryAddSingleton<IChatModel, BuiltinChatModel>();
        services.TryAddSingleton<TerraformCheck>();
        services.TryAddSingleton<DesignAgents>();
        return services;
    }

    /// <summary>Parses the connection string once; a malformed one stops start-up naming the key, not the value.</summary>
    public static ConfigurationOptions RedisConnection(CarlosRedisOptions redis)
    {
        try
        {
            var options = ConfigurationOptions.Parse(redis.ConnectionString!);
            options.AbortOnConnectFail = false;
            return options;
        }
        catch (ArgumentException)
        {
            throw new InvalidOperationException(
                $"Invalid configuration. {CarlosRedisOptions.SectionName}:ConnectionString is not a valid Redis connection string.");
        }
    }

    private static IPAddress AdvertisedAddress(CarlosClusterOptions cluster) =>
        cluster.AdvertisedAddress is { Length: > 0 } text && IPAddress.TryParse(text, out var address)
            ? address
            : IPAddress.Loopback;
}
