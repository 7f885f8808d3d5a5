using System.Net;
using Carlos.Grains.RateLimits;
using Carlos.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Carlos.Tests.Redis;

public sealed class ClusterRateLimitTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private const string Design = """{"requirements":"App Service web app with Azure SQL"}""";

    [Fact]
    public async Task A_hundred_concurrent_designs_over_two_gateways_and_two_silos_admit_exactly_ten_and_a_restart_gives_no_fresh_window()
    {
        await using var cluster = new MultiProcessCluster(redis);
        await cluster.StartSiloAsync();
        await cluster.StartSiloAsync();
        using var first = await cluster.StartGatewayAsync();
        using var second = await cluster.StartGatewayAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            using var response = await (i % 2 == 0 ? first : second).PostAsync("/v1/designs", GatewayServer.Json(Design));
            return (response.StatusCode, Policy: response.Headers.GetValues("RateLimit-Policy").Single(),
                Retry: response.Headers.RetryAfter?.ToString());
        }));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(90, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.All(responses, r => Assert.Equal("\"design\";q=10;w=3600", r.Policy));
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests), r => Assert.NotNull(r.Retry));

        var holder = await SiloHoldingQuotaAsync(cluster);
        await cluster.StopAsync(holder);
        using var afterMove = await first.PostAsync("/v1/designs", GatewayServer.Json(Design));

        Assert.Equal(HttpStatusCode.TooManyRequests, afterMove.StatusCode);
        Assert.StartsWith("\"design\";r=0;", afterMove.Headers.GetValues("RateLimit").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seeded_key_revoked_through_the_api_stays_revoked_after_the_cluster_restarts()
    {
        await using var cluster = new MultiProcessCluster(redis);
        await cluster.StartSiloAsync();
        using var client = await cluster.StartGatewayAsync();
        using var admin = cluster.Client(0, cluster.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/scenarios")).StatusCode);

        using var revoked = await admin.DeleteAsync($"/v1/admin/tenants/acme/keys/{cluster.SeededKey.KeyId}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        foreach (var app in cluster.Gateways.Select(g => g.App).Concat(cluster.Silos).ToList())
        {
            await cluster.StopAsync(app);
        }

        await cluster.StartSiloAsync();
        using var again = await cluster.StartGatewayAsync();
        using var response = await again.GetAsync("/v1/scenarios");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNoSecretsStoredOrLoggedAsync(cluster);
    }

    private static async Task<Microsoft.AspNetCore.Builder.WebApplication> SiloHoldingQuotaAsync(MultiProcessCluster cluster)
    {
        var grains = cluster.Silos[0].Services.GetRequiredService<IGrainFactory>();
        var stats = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var quota = stats.Single(s => s.GrainType.Contains(nameof(RateLimitGrain), StringComparison.Ordinal)
            && s.GrainId.Key.ToString()!.EndsWith("/design", StringComparison.Ordinal));
        return cluster.Silos.Single(s => s.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress == quota.SiloAddress);
    }

    private async Task AssertNoSecretsStoredOrLoggedAsync(MultiProcessCluster cluster)
    {
        string[] secrets = [cluster.SeededKey.Secret, cluster.Pepper, cluster.AdminKey, redis.Password];
        Assert.All(secrets, s => Assert.DoesNotContain(s, cluster.Logs.All, StringComparison.Ordinal));

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var db = connection.GetDatabase();
        var keys = connection.GetServer(connection.GetEndPoints()[0]).Keys(pattern: "*").ToList();
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var text = await db.KeyTypeAsync(key) switch
            {
                RedisType.String => (string?)await db.StringGetAsync(key),
                RedisType.Hash => string.Join(' ', (await db.HashGetAllAsync(key)).Select(e => $"{e.Name}={e.Value}")),
                _ => "",
            };
            Assert.All(secrets, s => Assert.DoesNotContain(s, text ?? "", StringComparison.Ordinal));
        }
    }
}
