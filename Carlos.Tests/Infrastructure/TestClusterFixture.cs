using Carlos.Grains.BuiltinModel;
using Carlos.Grains.Hosting;
using Carlos.Grains.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Carlos.Tests.Infrastructure;

/// <summary>A two-silo in-process cluster with Carlos's grains, memory storage and a fast built-in model.</summary>
public sealed class TestClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>How long designs in this cluster wait for answers: short, so expiry can be watched.</summary>
    public static readonly TimeSpan QuestionTimeout = TimeSpan.FromSeconds(2);

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorage(StorageNames.Default).UseInMemoryReminderService();
            siloBuilder.Services.AddCarlosGrainServices(new ConfigurationBuilder().Build());
            siloBuilder.Services.Configure<BuiltinModelOptions>(o => o.TokensPerSecond = 200_000);
            siloBuilder.Services.Configure<WorkflowOptions>(o => o.QuestionTimeout = QuestionTimeout);
            // The budget tests count admissions exactly; pacing over the minute is the benchmark's to show.
            siloBuilder.Services.Configure<Carlos.Grains.Budget.TokenBudgetOptions>(o => o.PaceTokens = false);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<TestClusterFixture>
{
    public const string Name = "two-silo cluster";
}
