using System.Collections.Concurrent;
using System.Globalization;
using Carlos.Contracts.Reports;
using Carlos.Grains.Agents;
using Carlos.Grains.Hosting;
using Carlos.Grains.Model;
using Carlos.Testing.AzureOpenAI;
using Carlos.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Carlos.Tests.AzureOpenAI;

/// <summary>
/// Carlos's agents wired to the Azure OpenAI provider over real HTTP to a test server of their own, without a
/// cluster: one harness per test, so a circuit opened by one test never touches another.
/// </summary>
internal sealed class AzureModelHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private AzureModelHarness(
        AzureOpenAITestServer server, ServiceProvider services, CapturedLogs logs, RecordingGate gate)
    {
        Server = server;
        _services = services;
        Logs = logs;
        Gate = gate;
    }

    public AzureOpenAITestServer Server { get; }

    public CapturedLogs Logs { get; }

    public RecordingGate Gate { get; }

    public DesignAgents Agents => _services.GetRequiredService<DesignAgents>();

    public IServiceProvider Services => _services;

    public static async Task<AzureModelHarness> StartAsync(
        Dictionary<string, string?>? settings = null, AzureOpenAITestServerOptions? serverOptions = null)
    {
        var server = await AzureOpenAITestServer.StartAsync(
            serverOptions ?? CarlosScript.ServerOptions(new TestDeployment("gpt-4o", 1_000_000, 10_000)));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Settings(server, "gpt-4o"))
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var logs = new CapturedLogs();
        var gate = new RecordingGate();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSingleton<IModelCallGate>(gate);
        services.AddCarlosGrainServices(configuration);
        return new AzureModelHarness(server, services.BuildServiceProvider(), logs, gate);
    }

    /// <summary>The settings that point the provider at a test server, one deployment for every role.</summary>
    public static Dictionary<string, string?> Settings(AzureOpenAITestServer server, string deployment) => new()
    {
        ["Carlos:Model:Provider"] = "azure-openai",
        ["Carlos:Model:Deployments:main:Endpoint"] = server.Endpoint.ToString(),
        ["Carlos:Model:Deployments:main:Deployment"] = deployment,
        ["Carlos:Model:Deployments:main:ApiKey"] = server.ApiKey,
        ["Carlos:Model:Deployments:main:TokensPerMinute"] = "1000000",
        ["Carlos:Model:Deployments:main:RequestsPerMinute"] = "10000",
        ["Carlos:Model:Deployments:main:MaxOutputTokens"] = "2000",
        ["Carlos:Model:Roles:Default"] = "main",
        ["Carlos:Model:Resilience:BaseDelay"] = "00:00:00.010",
        ["Carlos:Model:Resilience:StreamIdleTimeout"] = "00:00:05",
    };

    public static AgentContext Context(string requirements, string? design = null) => new()
    {
        Requirements = requirements,
        Settings = new Contracts.Designs.DesignSettings(),
        Round = 1,
        TenantId = "tenant-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture),
        DesignMarkdown = design,
    };

    public static string Marker() => $"marker-{Guid.NewGuid():N}";

    public IReadOnlyList<LedgerEntry> LedgerFor(string marker) =>
        Server.Ledger.Where(e => e.Call is { } call && CarlosScript.For(marker)(call)).ToList();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}

/// <summary>A call gate that admits everything and keeps what it was told, as the token-budget grain will be.</summary>
internal sealed class RecordingGate : IModelCallGate
{
    public ConcurrentQueue<ModelCallEstimate> Estimates { get; } = new();

    public ConcurrentQueue<TokenUsage> Settled { get; } = new();

    public ConcurrentQueue<TimeSpan?> Throttles { get; } = new();

    public ConcurrentQueue<long?> RemainingTokens { get; } = new();

    public ValueTask<IModelCallPermit> AdmitAsync(ModelCallEstimate estimate, CancellationToken cancellationToken)
    {
        Estimates.Enqueue(estimate);
        return ValueTask.FromResult<IModelCallPermit>(new Permit(this));
    }

    private sealed class Permit(RecordingGate gate) : IModelCallPermit
    {
        public void Settle(TokenUsage usage) => gate.Settled.Enqueue(usage);

        public void Throttled(TimeSpan? retryAfter) => gate.Throttles.Enqueue(retryAfter);

        public void QuotaReported(long? remainingTokens, long? remainingRequests) =>
            gate.RemainingTokens.Enqueue(remainingTokens);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
