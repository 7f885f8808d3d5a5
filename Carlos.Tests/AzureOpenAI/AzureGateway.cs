using Carlos.Testing.AzureOpenAI;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.AzureOpenAI;

/// <summary>A gateway whose agents use the Azure OpenAI provider against a test server over loopback HTTP.</summary>
public class AzureGateway() : GatewayServer(tokensPerSecond: 200_000, heartbeat: TimeSpan.FromSeconds(15))
{
    public AzureOpenAITestServer Server { get; private set; } = null!;

    /// <summary>Settings a derived gateway adds or overrides.</summary>
    protected virtual Dictionary<string, string?> Overrides => [];

    protected override async Task BeforeStartAsync()
    {
        Server = await AzureOpenAITestServer.StartAsync(
            CarlosScript.ServerOptions(new TestDeployment("gpt-4o", 10_000_000, 100_000)));
        foreach (var (key, value) in AzureModelHarness.Settings(Server, "gpt-4o").Concat(Overrides))
        {
            Settings[key] = value;
        }

        Settings["Logging:LogLevel:Default"] = "Information";
        Settings["Logging:LogLevel:Carlos"] = "Trace";
        Settings["Logging:LogLevel:System.Net.Http"] = "Trace";
    }

    protected override async ValueTask AfterStopAsync() => await Server.DisposeAsync();

    public IReadOnlyList<LedgerEntry> LedgerFor(string marker, string? role = null) =>
        Server.Ledger.Where(e => e.Call is { } call && CarlosScript.For(marker, role)(call)).ToList();
}

/// <summary>An Azure gateway whose deployment answers nothing but 500s, with a circuit that opens quickly.</summary>
public sealed class FailingAzureGateway : AzureGateway
{
    protected override Dictionary<string, string?> Overrides => new()
    {
        ["Carlos:Model:Resilience:MaxRetryAttempts"] = "10",
        ["Carlos:Model:Resilience:CircuitMinimumThroughput"] = "2",
        ["Carlos:Model:Resilience:CircuitBreakDuration"] = "00:00:00.500",
        ["Carlos:Model:Resilience:CircuitWaitLimit"] = "00:00:01.500",
    };

    protected override async Task BeforeStartAsync()
    {
        await base.BeforeStartAsync();
        Server.Inject(Fault.WithStatus(500), times: int.MaxValue);
    }
}

/// <summary>A failing Azure gateway that lets the built-in model answer instead.</summary>
public sealed class FallbackAzureGateway : AzureGateway
{
    protected override Dictionary<string, string?> Overrides => new()
    {
        ["Carlos:Model:FallbackToBuiltin"] = "true",
        ["Carlos:Model:Resilience:MaxRetryAttempts"] = "1",
        ["Carlos:Model:Resilience:CircuitBreakDuration"] = "00:00:00.500",
        ["Carlos:Model:Resilience:CircuitWaitLimit"] = "00:00:00.200",
    };

    protected override async Task BeforeStartAsync()
    {
        await base.BeforeStartAsync();
        Server.Inject(Fault.WithStatus(500), times: int.MaxValue);
    }
}

[CollectionDefinition(Name)]
public sealed class AzureGatewayCollection : ICollectionFixture<AzureGateway>
{
    public const string Name = "azure openai gateway";
}
