using Carlos.Contracts.Usage;
using Carlos.Gateway.Identity;
using Carlos.Gateway.RateLimiting;

namespace Carlos.Gateway.Endpoints;

/// <summary><c>GET /v1/usage</c>: the caller's tenant's model tokens, in all, today and this month.</summary>
internal static class UsageEndpoints
{
    public static RouteGroupBuilder MapUsage(this RouteGroupBuilder v1)
    {
        v1.MapGet("/usage", async (HttpContext http, IGrainFactory grains, RateLimitPolicies policies) =>
            {
                var caller = http.GetCaller();
                var usage = await grains.GetGrain<ITenantUsageGrain>(caller.TenantId).GetAsync(caller);
                var caps = policies.SpendCapsFor(http.GetPlan());
                return TypedResults.Ok(usage is null || caps.IsNone ? usage : usage with { Caps = caps });
            })
            .WithName("GetUsage").WithTags("Usage")
            .WithSummary("The tenant's prompt and completion tokens, in all, today and this month (UTC), and its plan's caps.");
        return v1;
    }
}
