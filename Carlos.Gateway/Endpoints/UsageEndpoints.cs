using Carlos.Contracts.Usage;
using Carlos.Gateway.Identity;

namespace Carlos.Gateway.Endpoints;

/// <summary><c>GET /v1/usage</c>: the caller's tenant's model tokens, in all, today and this month.</summary>
internal static class UsageEndpoints
{
    public static RouteGroupBuilder MapUsage(this RouteGroupBuilder v1)
    {
        v1.MapGet("/usage", async (HttpContext http, IGrainFactory grains) =>
            {
                var caller = http.GetCaller();
                return TypedResults.Ok(await grains.GetGrain<ITenantUsageGrain>(caller.TenantId).GetAsync(caller));
            })
            .WithName("GetUsage").WithTags("Usage")
            .WithSummary("The tenant's prompt and completion tokens, in all, today and this month (UTC).");
        return v1;
    }
}
