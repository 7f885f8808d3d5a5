using System.Net;
using Carlos.Grains.Agents;
using Carlos.Grains.Budget;
using Carlos.Grains.AzureOpenAI;
using Carlos.Grains.BuiltinModel;
using Carlos.Grains.Cache;
using Carlos.Grains.Catalog;
using Carlos.Grains.Identity;
using Carlos.Grains.Diagnostics;
using Carlos.Grains.Documents;
using Carlos.Grains.Documents.Extraction;
using Carlos.Grains.Model;
using Carlos.Grains.Terraform;
using Carlos.Grains.Workflow;
using Carlos.Grains.Workspace;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
    public static ISiloBuilder UseCarlosSilo(
        this ISiloBuilder silo, IConfiguration configuration, bool developmentIdentity = false)
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
                .AddRedisGrainStorage(StorageNames.Default, (RedisStorageOptions o) =>
                {
                    o.ConfigurationOptions = connection.Clone();
                    o.GrainStorageSerializer = GrainStateJson.Serializer();
                    o.DeleteStateOnClear = true; // deleting a design or document removes its keys, not only their values
                })
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

        if (KubernetesDetection.InCluster(configuration))
        {
            silo.UseKubernetesHosting();
        }

        silo.AddActivityPropagation().AddCarlosDashboard(configuration);
        silo.Services.AddCarlosGrainServices(configuration);
        silo.Services.Configure<IdentityOptions>(o => o.DevelopmentEnabled = developmentIdentity);
        return silo;
    }

    /// <summary>The services grains depend on, without clustering or storage (test clusters bring their own).</summary>
    public static IServiceCollection AddCarlosGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BuiltinModelOptions>().Bind(configuration.GetSection(BuiltinModelOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WorkflowOptions>().Bind(configuration.GetSection(WorkflowOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RivalOptions>().Bind(configuration.GetSection(RivalOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ModelOptions>().Bind(configuration.GetSection(ModelOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelOptions>, ModelOptionsValidator>());

        services.AddOptions<IdentityOptions>().Configure(o =>
        {
            o.Pepper = configuration["Carlos:Auth:Pepper"];
            o.DevelopmentApiKey = configuration["Carlos:Development:ApiKey"];
            configuration.GetSection(IdentityOptions.TenantsSection).Bind(o.Tenants);
        });

        services.AddOptions<DocumentOptions>().Bind(configuration.GetSection(DocumentOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IdentitySeeds>();
        services.TryAddSingleton(_ => ServiceCatalog.LoadBundled());
        services.TryAddSingleton<CostEstimator>();
        services.AddMetrics();
        services.TryAddSingleton<ModelMetrics>();
        services.TryAddSingleton<PromptTokenCounter>();
        services.AddCarlosTokenBudget(configuration);
        services.TryAddSingleton<IModelCallGate, OpenModelCallGate>();
        services.TryAddSingleton<BuiltinChatModel>();
        services.TryAddSingleton<AzureOpenAIChatModel>();
        services.TryAddSingleton<IChatModel>(sp => UsesAzureOpenAI(configuration)
            ? sp.GetRequiredService<AzureOpenAIChatModel>()
            : sp.GetRequiredService<BuiltinChatModel>());
        if (UsesAzureOpenAI(configuration))
        {
            services.AddHostedService<ModelWarmUp>();
        }

        services.TryAddSingleton<WorkflowSlots>();
        services.TryAddSingleton<TerraformCheck>();
        services.TryAddSingleton(sp => new DesignAgents(
            sp.GetRequiredService<IChatModel>(), sp.GetRequiredService<CostEstimator>(),
            sp.GetRequiredService<TerraformCheck>(),
            sp.GetRequiredService<ModelMetrics>(),
            sp.GetRequiredService<IOptions<ModelOptions>>().Value.FallbackToBuiltin
                ? sp.GetRequiredService<BuiltinChatModel>()
                : null));
        services.TryAddSingleton<DocumentExtractor>();
        services.TryAddSingleton<DocumentMetrics>();
        services.AddCarlosDesignCache(configuration);
        services.AddCarlosWorkspace(configuration);
        return services;
    }

    private static bool UsesAzureOpenAI(IConfiguration configuration) =>
        configuration[$"{ModelOptions.SectionName}:Provider"] == ModelOptions.AzureOpenAIProvider;

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
