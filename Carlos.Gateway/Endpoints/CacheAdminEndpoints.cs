using Carlos.Contracts.Cache;
using Carlos.Contracts.Tenants;
using Carlos.Gateway.Http;
using Carlos.Gateway.Identity;

namespace Carlos.Gateway.Endpoints;

/// <summary>
/// The operator's switch for a tenant's shared cache scope: <c>GET</c> and <c>PUT /v1/admin/tenants/{tenant}/cache</c>,
/// authorised by the admin key.
/// </summary>
internal static class CacheAdminEndpoints
{
    /// <summary>The body of <c>PUT /v1/admin/tenants/{tenant}/cache</c>; null goes back to configuration.</summary>
    public sealed record CacheSettingsBody(bool? SharedScope);

    public static RouteGroupBuilder MapCacheAdmin(this RouteGroupBuilder v1)
    {
        var cache = v1.MapGroup("/admin/tenants/{tenant}/cache").WithTags("Admin").AddEndpointFilter<AdminKeyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status404NotFound);
        cache.MapGet("/", GetAsync).WithName("GetTenantCacheSettings");
        cache.MapPut("/", PutAsync).WithName("SetTenantCacheSettings").ProducesValidationProblem();
        return v1;
    }

    private static async Task<IResult> GetAsync(string tenant, IGrainFactory grains) =>
        await grains.GetGrain<ITenantGrain>(tenant).GetAsync() is null
            ? Problems.NotFound("tenant")
            : TypedResults.Ok(await grains.GetGrain<ITenantDesignCacheGrain>(tenant).GetSettingsAsync());

    private static async Task<IResult> PutAsync(string tenant, HttpContext http, IGrainFactory grains, AuditTrail audit,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CacheSettingsBody>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (await grains.GetGrain<ITenantGrain>(tenant).GetAsync() is null)
        {
            return Problems.NotFound("tenant");
        }

        var settings = await grains.GetGrain<ITenantDesignCacheGrain>(tenant).SetSharedScopeAsync(body!.SharedScope);
        await audit.RecordAsync(http, "admin", "tenant.cache_updated", tenant, tenant,
            $"shared scope {settings.SharedScope} ({settings.Source})");
        return TypedResults.Ok(settings);
    }
}
