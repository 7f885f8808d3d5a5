using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Carlos.Contracts.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Carlos.Benchmarks;

/// <summary>
/// The cost of identity and quotas on a read: the same gateway, the same load, once on a bare endpoint
/// (<c>/healthz</c>) and once on an authenticated, rate-limited read of a design (<c>GET /v1/designs/{id}</c>: key
/// check in its grain, quota in its grain, the design from its grain). Prints the latency percentiles side by side.
/// The read quota is raised for the run, since the point is what checking costs, not being refused.
/// </summary>
internal static class AuthLatencyBenchmark
{
    public static async Task<int> RunAsync(int concurrency, TimeSpan duration)
    {
        await using var gateway = await BenchmarkGateway.StartAsync(
            new Dictionary<string, string?> { ["Carlos:RateLimits:read:PermitLimit"] = "100000000" },
            services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, BareDesignRead>());
        var http = gateway.Http;

        using var created = await http.PostAsync("/v1/designs",
            new StringContent("""{"requirements":"App Service web app with Azure SQL"}""", System.Text.Encoding.UTF8, "application/json"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        Console.WriteLine($"auth-latency benchmark: {concurrency} concurrent clients, {duration.TotalSeconds:0} s per endpoint, " +
            $"{Environment.ProcessorCount} cores, embedded silo, loopback HTTP/1.1");
        foreach (var warm in new[] { "/healthz", $"/bench/designs/{id}", $"/v1/designs/{id}" })
        {
            await MeasureAsync(http, warm, concurrency, TimeSpan.FromSeconds(2));
        }

        var health = await MeasureAsync(http, "/healthz", concurrency, duration);
        var bare = await MeasureAsync(http, $"/bench/designs/{id}", concurrency, duration);
        var read = await MeasureAsync(http, $"/v1/designs/{id}", concurrency, duration);

        Console.WriteLine("endpoint                      requests  req/s      p50_ms  p90_ms  p99_ms  errors");
        Print("GET /healthz", health, duration);
        Print("bare design read", bare, duration);
        Print("authenticated GET design", read, duration);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"auth-latency: p99 ratio={read.P(0.99) / bare.P(0.99):0.00} authenticated_p99={read.P(0.99):0.00}ms bare_p99={bare.P(0.99):0.00}ms"));
        return 0;
    }

    /// <summary>
    /// The same design read without a key or a quota, mapped only in this benchmark's gateway: the difference to
    /// <c>GET /v1/designs/{id}</c> is what identity and rate limiting cost.
    /// </summary>
    private sealed class BareDesignRead : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        private static readonly Caller Development = new("dev", "dev-user", CallerRole.TenantAdmin);

        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(
            Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                const string prefix = "/bench/designs/";
                if (context.Request.Path.StartsWithSegments("/bench/designs")
                    && Guid.TryParse(context.Request.Path.Value![prefix.Length..], out var id))
                {
                    var grains = context.RequestServices.GetRequiredService<IGrainFactory>();
                    var design = await grains.GetGrain<Carlos.Contracts.Designs.IDesignWorkflowGrain>(id).GetAsync(Development);
                    await context.Response.WriteAsJsonAsync(design, Carlos.Contracts.Serialization.CarlosJson.Options);
                    return;
                }

                await following(context);
            });
            next(app);
        };
    }

    private static async Task<Samples> MeasureAsync(HttpClient http, string path, int concurrency, TimeSpan duration)
    {
        var samples = new Samples();
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(path);
                await response.Content.LoadIntoBufferAsync();
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds, response.IsSuccessStatusCode);
            }
        }));
        return samples;
    }

    private static void Print(string name, Samples s, TimeSpan duration) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-28}  {s.Count,8}  {s.Count / duration.TotalSeconds,8:0}  {s.P(0.5),6:0.00}  {s.P(0.9),6:0.00}  {s.P(0.99),6:0.00}  {s.Errors,6}"));

    private sealed class Samples
    {
        private readonly List<double> _ms = [];
        private readonly Lock _lock = new();

        public int Count => _ms.Count;

        public int Errors { get; private set; }

        public void Add(double ms, bool ok)
        {
            lock (_lock)
            {
                _ms.Add(ms);
                Errors += ok ? 0 : 1;
            }
        }

        public double P(double quantile)
        {
            var sorted = _ms.Order().ToList();
            return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(quantile * sorted.Count))];
        }
    }
}
