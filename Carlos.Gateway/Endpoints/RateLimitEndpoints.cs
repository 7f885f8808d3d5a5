using Carlos.Contracts.RateLimits;
using Carlos.Gateway.Identity;
using Carlos.Gateway.RateLimiting;

namespace Carlos.Gateway.Endpoints;

/// <summary><c>GET /v1/rate-limits</c>: the caller's quota per endpoint class.</summary>
internal static class RateLimitEndpoints
{
    /// <summary>One class's quota as the caller sees it.</summary>
    public sealed record QuotaView(string Endpoint, int Limit, int Remaining, TimeSpan Window, DateTimeOffset ResetAt);

    public static RouteGroupBuilder MapRateLimits(this RouteGroupBuilder v1)
    {
        v1.MapGet("/rate-limits", async (HttpContext http, IGrainFactory grains, RateLimitPolicies policies) =>
            {
                var caller = http.GetCaller();
                var views = await Task.WhenAll(RateLimitClasses.All.Select(async c =>
                {
                    var decision = await grains.GetGrain<IRateLimitGrain>(RateLimitKeys.For(caller.TenantId, caller.UserId, c))
                        .PeekAsync(policies.For(http.GetPlan(), c));
                    return new QuotaView(c, decision.Policy.PermitLimit, decision.Remaining, decision.Policy.Window,
                        decision.ResetAt);
                }));
                return TypedResults.Ok(views);
            })
            .WithName("GetRateLimits").WithTags("Rate limits")
            .WithSummary("The caller's limit, remaining requests and reset time per endpoint class.");
        return v1;
    }
}
