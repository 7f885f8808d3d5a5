using Carlos.Contracts.Cache;
using Carlos.Contracts.Identity;
using Carlos.Gateway.Http;
using Carlos.Gateway.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carlos.Gateway.Endpoints;

/// <summary>The caller's tenant's design cache: its figures, and clearing it (tenant admins only).</summary>
internal static class CacheEndpoints
{
    public static RouteGroupBuilder MapCache(this RouteGroupBuilder v1)
    {
        v1.MapGet("/cache/stats", StatsAsync).WithName("GetCacheStats").WithTags("Cache")
            .WithSummary("Hits, misses, hit rate, live entries and tokens saved by the tenant's design cache.");
        v1.MapDelete("/cache", ClearAsync).WithName("ClearCache").WithTags("Cache")
            .WithSummary("Removes every cache entry the tenant's designs wrote; tenant admin keys only.")
            .Produces(StatusCodes.Status204NoContent);
        return v1;
    }

    private static async Task<Results<Ok<DesignCacheStats>, ProblemHttpResult>> StatsAsync(
        HttpContext http, IGrainFactory grains)
    {
        var caller = http.GetCaller();
        return await grains.GetGrain<ITenantDesignCacheGrain>(caller.TenantId).GetStatsAsync(caller) is { } stats
            ? TypedResults.Ok(stats)
            : Problems.NotFound("tenant");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ClearAsync(
        HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var caller = http.GetCaller();
        if (caller.Role != CallerRole.TenantAdmin)
        {
            return Problems.Forbidden("Only a tenant admin key may clear the tenant's design cache.");
        }

        var outcome = await grains.GetGrain<ITenantDesignCacheGrain>(caller.TenantId).ClearAsync(caller);
        if (outcome == CacheClearOutcome.Forbidden)
        {
            return Problems.Forbidden("Only a tenant admin key may clear the tenant's design cache.");
        }

        await audit.RecordAsync(http, $"user:{caller.UserId}", "cache.cleared", caller.TenantId, caller.TenantId);
        return TypedResults.NoContent();
    }
}
