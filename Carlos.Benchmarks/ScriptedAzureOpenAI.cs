using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Carlos.Contracts.Serialization;
using Carlos.Grains.Agents;
using Carlos.Testing.AzureOpenAI;

namespace Carlos.Benchmarks;

/// <summary>
/// The test server set up to play Carlos's agents for a benchmark: a valid record for each structured output (told
/// apart by the schema's name) and a few hundred tokens of text for the others, streamed at a set pace.
/// </summary>
internal static class ScriptedAzureOpenAI
{
    public const string Deployment = "bench";

    private static readonly JsonSerializerOptions Json = new(CarlosJson.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private static readonly string Prose = string.Join(" ", Enumerable.Range(1, 20).Select(i =>
        string.Create(CultureInfo.InvariantCulture, $"Component {i} runs on App Service behind Front Door.")));

    public static Task<AzureOpenAITestServer> StartAsync(TimeSpan chunkDelay) =>
        AzureOpenAITestServer.StartAsync(new AzureOpenAITestServerOptions
        {
            Deployments = [new TestDeployment(Deployment, 100_000_000, 1_000_000)],
            Answer = Answer,
            ChunkDelay = chunkDelay,
        });

    public static Dictionary<string, string?> Settings(AzureOpenAITestServer server) => new()
    {
        ["Carlos:Model:Provider"] = "azure-openai",
        ["Carlos:Model:Deployments:bench:Endpoint"] = server.Endpoint.ToString(),
        ["Carlos:Model:Deployments:bench:Deployment"] = Deployment,
        ["Carlos:Model:Deployments:bench:ApiKey"] = server.ApiKey,
        ["Carlos:Model:Deployments:bench:TokensPerMinute"] = "100000000",
        ["Carlos:Model:Deployments:bench:RequestsPerMinute"] = "1000000",
        ["Carlos:Model:Roles:Default"] = "bench",
    };

    private static string Answer(ChatCall call) => call.SchemaName switch
    {
        "security_report" => Serialize(new SecurityReport(80, [], ["ISO 27001"], ["Managed identities"], [])),
        "cost_analysis_draft" => Serialize(new CostAnalysisDraft(
            [new("app_service", CostPerformance.Balanced, 2)], ["Autoscale out of hours."])),
        "reliability_report" => Serialize(new ReliabilityReport(99.95, [], ["Zone redundancy"], 4, 1, [], 1)),
        "validation_verdict" => Serialize(new ValidationVerdict(true, ValidationSeverity.None, [], "Sound.")),
        _ => new StringBuilder("# Answer\n\n").Append(Prose).ToString(),
    };

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);
}
