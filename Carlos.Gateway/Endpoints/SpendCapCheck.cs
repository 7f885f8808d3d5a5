using System.Globalization;
using Carlos.Contracts.Identity;
using Carlos.Contracts.Usage;
using Carlos.Gateway.Http;
using Carlos.Gateway.Identity;
using Carlos.Gateway.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carlos.Gateway.Endpoints;

/// <summary>
/// Refuses a new design when its tenant's plan caps model tokens and the cap is used up: 429 with the cap, its limit
/// and when it resets, and the design quota's permit given back.
/// </summary>
internal static class SpendCapCheck
{
    public static async Task<ProblemHttpResult?> RefusalAsync(HttpContext http, IGrainFactory grains, Caller caller)
    {
        var caps = http.RequestServices.GetRequiredService<RateLimitPolicies>().SpendCapsFor(http.GetPlan());
        if (caps.IsNone)
        {
            return null;
        }

        // A design needs at least one more token than the tenant has spent; its model calls are checked as they go.
        var check = await grains.GetGrain<ITenantUsageGrain>(caller.TenantId).CheckSpendAsync(caps, tokens: 1);
        if (check.Allowed)
        {
            return null;
        }

        http.RefundQuota();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var seconds = Math.Max(1, (int)Math.Ceiling((check.ResetsAt!.Value - now).TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.SpendCapReached(check);
    }
}
