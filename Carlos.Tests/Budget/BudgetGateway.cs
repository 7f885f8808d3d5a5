using Carlos.Contracts.Budget;
using Carlos.Testing.AzureOpenAI;
using Carlos.Tests.AzureOpenAI;
using Carlos.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Carlos.Tests.Budget;

/// <summary>
/// A gateway whose agents call a provisioned deployment of a small quota on the Azure OpenAI test server, through the
/// token budget; the plan <c>capped</c> caps its tenants' tokens per day.
/// </summary>
public sealed class BudgetGateway() : GatewayServer(tokensPerSecond: 200_000, heartbeat: TimeSpan.FromSeconds(15))
{
    public const int TokensPerMinute = 60_000;
    public const int RequestsPerMinute = 1_000;
    public const long DailyCap = 50_000;

    public AzureOpenAITestServer Server { get; private set; } = null!;

    public static DeploymentQuota Quota { get; } = new(TokensPerMinute, RequestsPerMinute, Provisioned: true);

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>The budget of the one deployment, named <c>main</c> in Carlos's settings.</summary>
    public ITokenBudgetGrain Budget => Grains.GetGrain<ITokenBudgetGrain>("main");

    protected override async Task BeforeStartAsync()
    {
        Server = await AzureOpenAITestServer.StartAsync(CarlosScript.ServerOptions(
            new TestDeployment("gpt-4o", TokensPerMinute, RequestsPerMinute, QuotaMode.Provisioned)));
        foreach (var (key, value) in AzureModelHarness.Settings(Server, "gpt-4o"))
        {
            Settings[key] = value;
        }

        Settings["Carlos:Model:Deployments:main:TokensPerMinute"] = $"{TokensPerMinute}";
        Settings["Carlos:Model:Deployments:main:RequestsPerMinute"] = $"{RequestsPerMinute}";
        Settings["Carlos:Model:Deployments:main:Provisioned"] = "true";
        Settings["Carlos:TokenBudget:PollInterval"] = "00:00:00.500";
        Settings["Carlos:Plans:capped:SpendCaps:TokensPerDay"] = $"{DailyCap}";
    }

    protected override async ValueTask AfterStopAsync() => await Server.DisposeAsync();

    internal IReadOnlyList<LedgerEntry> LedgerFor(string marker, string? role = null) =>
        Server.Ledger.Where(e => e.Call is { } call && CarlosScript.For(marker, role)(call)).ToList();
}
