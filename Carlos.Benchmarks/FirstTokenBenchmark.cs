using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Serialization;
using Carlos.Gateway.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Carlos.Benchmarks;

/// <summary>
/// Times a design as a client sees it over SSE: the first token of any step, the first token of the Terraform step,
/// and the end. The gateway runs in-process with an embedded silo on free ports, with the built-in model at its
/// shipped pace unless told otherwise, or with the Azure OpenAI provider against the test server. Designs run one
/// after another.
/// </summary>
internal static class FirstTokenBenchmark
{
    private static readonly string DevelopmentKey = Carlos.Contracts.Identity.ApiKeys.Generate().Key;

    private const string Requirements =
        "AKS cluster with monitoring, a PostgreSQL database, Redis cache and blob storage for uploads";

    // With azureChunkDelay the agents call the Azure OpenAI test server through the real client, which streams a
    // chunk (about a token) per that delay; without it they use the built-in model.
    public static async Task<int> RunAsync(int designs, int? tokensPerSecond, TimeSpan? azureChunkDelay)
    {
        await using var server = azureChunkDelay is { } delay ? await ScriptedAzureOpenAI.StartAsync(delay) : null;
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Carlos:Cluster:Mode"] = "Embedded",
            ["Carlos:Cluster:SiloPort"] = FreePort(),
            ["Carlos:Cluster:GatewayPort"] = FreePort(),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Carlos:Development:ApiKey"] = DevelopmentKey,
            ["Carlos:RateLimits:design:PermitLimit"] = "100000",
            ["Carlos:Cache:Enabled"] = "false", // every design must run its agents to reach a Terraform token
        };
        if (tokensPerSecond is { } pace)
        {
            settings["Carlos:Model:Builtin:TokensPerSecond"] = pace.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in server is null ? [] : ScriptedAzureOpenAI.Settings(server))
        {
            settings[key] = value;
        }

        await using var app = GatewayApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentKey);

        var model = azureChunkDelay is { } chunk
            ? $"azure-openai test server over HTTP, a chunk every {chunk.TotalMilliseconds} ms"
            : $"built-in model, {Pace(tokensPerSecond)}";
        Console.WriteLine($"first-token benchmark: {model}, {designs} designs, {Environment.ProcessorCount} cores");
        Console.WriteLine("design  first_token_ms  first_terraform_token_ms  completed_ms  status");
        var results = new List<Timing>();
        for (var i = 0; i < designs; i++)
        {
            var timing = await TimeDesignAsync(http);
            results.Add(timing);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{i + 1,6}  {timing.FirstToken.TotalMilliseconds,14:0}  " +
                $"{timing.FirstTerraformToken.TotalMilliseconds,24:0}  " +
                $"{timing.Completed.TotalMilliseconds,12:0}  {timing.Status}"));
        }

        await app.StopAsync();
        var warm = results.Count > 1 ? results.Skip(1).ToList() : results;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first-terraform-token: cold={results[0].FirstTerraformToken.TotalMilliseconds:0}ms " +
            $"warm_p50={Percentile(warm, 0.5):0}ms " +
            $"warm_max={warm.Max(t => t.FirstTerraformToken.TotalMilliseconds):0}ms " +
            $"first_token_max={results.Max(t => t.FirstToken.TotalMilliseconds):0}ms target=10000ms"));
        return results.All(t => t.Status == "completed" && t.FirstToken < TimeSpan.FromSeconds(10)) ? 0 : 1;
    }

    private static async Task<Timing> TimeDesignAsync(HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/designs")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { requirements = Requirements }), Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        TimeSpan? firstToken = null, firstTerraform = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal))
            {
                continue;
            }

            var e = JsonSerializer.Deserialize<DesignEvent>(line["data: ".Length..], CarlosJson.Options)!;
            if (e.Type == DesignEventType.Token)
            {
                firstToken ??= clock.Elapsed;
                if (e.Agent == "terraform")
                {
                    firstTerraform ??= clock.Elapsed;
                }
            }

            if (e.IsTerminal)
            {
                return new Timing(firstToken ?? clock.Elapsed, firstTerraform ?? clock.Elapsed, clock.Elapsed,
                    CarlosJson.WireName(e.Type));
            }
        }

        return new Timing(clock.Elapsed, clock.Elapsed, clock.Elapsed, "stream ended");
    }

    private static double Percentile(List<Timing> timings, double share)
    {
        var sorted = timings.Select(t => t.FirstTerraformToken.TotalMilliseconds).Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(share * sorted.Count))];
    }

    private static string Pace(int? tokensPerSecond) =>
        tokensPerSecond is { } pace
            ? $"{pace} tokens/s"
            : "shipped pace (Carlos:Model:Builtin:TokensPerSecond default)";

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }

    private sealed record Timing(TimeSpan FirstToken, TimeSpan FirstTerraformToken, TimeSpan Completed, string Status);
}
