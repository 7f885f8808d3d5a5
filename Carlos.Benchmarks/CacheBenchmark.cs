using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Carlos.Benchmarks;

/// <summary>
/// The design cache at the gateway: the time from sending <c>POST /v1/designs</c> (with an event stream) to reading
/// its <c>completed</c> event, over real loopback HTTP with the built-in model at its shipped pace. Misses send
/// requirements no design has had; hits send spelling variants of one cached design. One client, one request at a
/// time, so each figure is a design's own latency.
/// </summary>
internal static class CacheBenchmark
{
    private const string Cached = "AKS cluster with monitoring and a PostgreSQL database";

    public static async Task<int> RunAsync(int hits, int misses, int? tokensPerSecond)
    {
        var settings = new Dictionary<string, string?> { ["Carlos:RateLimits:design:PermitLimit"] = "100000000" };
        if (tokensPerSecond is { } pace)
        {
            settings["Carlos:Model:Builtin:TokensPerSecond"] = pace.ToString(CultureInfo.InvariantCulture);
        }

        await using var gateway = await BenchmarkGateway.StartAsync(settings);
        var http = gateway.Http;

        var paced = tokensPerSecond is { } p ? $"{p} tokens/s" : "its shipped pace";
        Console.WriteLine($"cache benchmark: {hits} hits, {misses} misses, one client, " +
            $"{Environment.ProcessorCount} cores, embedded silo, built-in model at {paced}, loopback HTTP/1.1");
        var first = await DesignAsync(http, Cached);
        if (first.FirstEvent != "design_started")
        {
            Console.Error.WriteLine($"The first design did not run its agents (first event {first.FirstEvent}).");
            return 1;
        }

        for (var warm = 0; warm < 20; warm++)
        {
            await DesignAsync(http, Variant(warm));
        }

        var missTimes = new List<double>();
        var missesThatHit = 0;
        for (var n = 0; n < misses; n++)
        {
            var run = await DesignAsync(http, $"App Service web app with Azure SQL for {1000 + n} users");
            missTimes.Add(run.Milliseconds);
            missesThatHit += run.FirstEvent == "design_started" ? 0 : 1;
        }

        var hitTimes = new List<double>();
        var hitsThatRan = 0;
        for (var n = 0; n < hits; n++)
        {
            var run = await DesignAsync(http, Variant(n));
            hitTimes.Add(run.Milliseconds);
            hitsThatRan += run.FirstEvent == "cache_hit" ? 0 : 1;
        }

        Console.WriteLine("kind   requests  p50_ms   p90_ms   p99_ms   max_ms   wrong_kind");
        Print("miss", missTimes, missesThatHit);
        Print("hit", hitTimes, hitsThatRan);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cache: hit_p99={P(hitTimes, 0.99):0.00}ms miss_p50={P(missTimes, 0.5):0.0}ms target_hit_p99<50ms " +
            $"{(P(hitTimes, 0.99) < 50 ? "met" : "missed")}"));
        return hitsThatRan + missesThatHit == 0 ? 0 : 1;
    }

    /// <summary>The cached requirements with other case, spacing and punctuation each time.</summary>
    private static string Variant(int n) => (n % 4) switch
    {
        0 => Cached.ToUpperInvariant(),
        1 => "  " + Cached.Replace(" ", "   ", StringComparison.Ordinal) + "  ",
        2 => Cached.Replace(" and ", ", and ", StringComparison.Ordinal) + "!",
        _ => Cached.ToLowerInvariant() + ".",
    };

    private static async Task<(double Milliseconds, string? FirstEvent)> DesignAsync(
        HttpClient http, string requirements)
    {
        var body = $$"""{"requirements":{{System.Text.Json.JsonSerializer.Serialize(requirements)}}}""";
        var start = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/designs")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? firstEvent = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (!line.StartsWith("event: ", StringComparison.Ordinal))
            {
                continue;
            }

            var type = line["event: ".Length..];
            firstEvent ??= type;
            if (type is "completed" or "failed" or "revision_required" or "cancelled" or "expired")
            {
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                return (elapsed, type == "completed" ? firstEvent : $"ended {type}");
            }
        }

        throw new InvalidOperationException("The event stream ended before the design did.");
    }

    private static void Print(string kind, List<double> ms, int wrong) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{kind,-5}  {ms.Count,8}  {P(ms, 0.5),7:0.00}  {P(ms, 0.9),7:0.00}  {P(ms, 0.99),7:0.00}  " +
            $"{(ms.Count == 0 ? 0 : ms.Max()),7:0.00}  {wrong,10}"));

    private static double P(List<double> ms, double quantile)
    {
        var sorted = ms.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(quantile * sorted.Count))];
    }
}
