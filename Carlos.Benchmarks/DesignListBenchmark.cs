using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Identity;
using Carlos.Contracts.Workspace;
using Carlos.Grains.Workspace;
using Microsoft.Extensions.DependencyInjection;

namespace Carlos.Benchmarks;

/// <summary>
/// Listing a user's history when it holds thousands of designs: fills the development user's design index through
/// the same upsert the workflow grain makes (timing the last writes, which rewrite the whole index), then times
/// <c>GET /v1/designs</c> over HTTP for the first page, a page deep behind a cursor, and a status-filtered page.
/// </summary>
internal static class DesignListBenchmark
{
    public static async Task<int> RunAsync(int designs, int requests)
    {
        await using var gateway = await BenchmarkGateway.StartAsync(
            new Dictionary<string, string?> { ["Carlos:RateLimits:read:PermitLimit"] = "100000000" });
        var (app, http) = (gateway.App, gateway.Http);

        var owner = new ResourceOwner("dev", "dev-user");
        var index = app.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IDesignIndexWriter>(IDesignIndexGrain.KeyOf(owner.TenantId, owner.UserId));
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        var fill = Stopwatch.StartNew();
        var lastWrites = new List<double>();
        for (var i = 0; i < designs; i++)
        {
            var at = start.AddSeconds(i);
            var status = i % 10 == 0 ? DesignStatus.RevisionRequired : DesignStatus.Completed;
            var item = new DesignListItem(Guid.NewGuid(), status, at, at, "custom", $"Design number {i}");
            var one = Stopwatch.GetTimestamp();
            await index.UpsertAsync(owner, item);
            if (i >= designs - 100)
            {
                lastWrites.Add(Stopwatch.GetElapsedTime(one).TotalMilliseconds);
            }
        }

        fill.Stop();
        var deep = await CursorAfterAsync(http, designs / 2);
        Console.WriteLine($"design-list benchmark: {designs} designs in one user's index, {requests} requests a case, " +
            $"{Environment.ProcessorCount} cores, embedded silo, memory storage, loopback HTTP/1.1");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fill: {fill.Elapsed.TotalSeconds:0.0} s; one status write at {designs} designs: p50={P(lastWrites, 0.5):0.00}ms p99={P(lastWrites, 0.99):0.00}ms"));
        Console.WriteLine("case                               p50_ms  p90_ms  p99_ms  items");
        await CaseAsync(http, "first page (limit 20)", "/v1/designs", requests);
        await CaseAsync(http, "deep page (cursor at half)", $"/v1/designs?cursor={deep}", requests);
        await CaseAsync(http, "status filter (1 in 10), limit 100", "/v1/designs?status=revision_required&limit=100", requests);
        return 0;
    }

    private static async Task<string> CursorAfterAsync(HttpClient http, int skip)
    {
        string? cursor = null;
        for (var seen = 0; seen < skip; seen += 100)
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/v1/designs?limit=100{(cursor is null ? "" : $"&cursor={cursor}")}");
            cursor = page.GetProperty("nextCursor").GetString();
        }

        return cursor!;
    }

    private static async Task CaseAsync(HttpClient http, string name, string path, int requests)
    {
        var times = new List<double>(requests);
        var items = 0;
        for (var i = 0; i < requests + 20; i++)
        {
            var one = Stopwatch.GetTimestamp();
            var page = await http.GetFromJsonAsync<JsonElement>(path);
            if (i >= 20)
            {
                times.Add(Stopwatch.GetElapsedTime(one).TotalMilliseconds);
            }

            items = page.GetProperty("items").GetArrayLength();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} {P(times, 0.5),6:0.00}  {P(times, 0.9),6:0.00}  {P(times, 0.99),6:0.00}  {items}"));
    }

    private static double P(List<double> values, double quantile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(quantile * sorted.Count))];
    }
}
