using System.Globalization;
using Carlos.Contracts.RateLimits;

namespace Carlos.Gateway.RateLimiting;

/// <summary>
/// The IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers): <c>RateLimit-Policy: "design";q=10;w=3600</c>
/// and <c>RateLimit: "design";r=9;t=3540</c>, where <c>t</c> is seconds until a permit frees up.
/// </summary>
internal static class RateLimitHeaders
{
    public static void Apply(HttpResponse response, RateLimitDecision decision, DateTimeOffset now)
    {
        var policy = decision.Policy;
        response.Headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture,
            $"\"{policy.EndpointClass}\";q={policy.PermitLimit};w={(long)policy.Window.TotalSeconds}");
        response.Headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture,
            $"\"{policy.EndpointClass}\";r={decision.Remaining};t={SecondsUntil(decision.ResetAt, now)}");
    }

    public static long SecondsUntil(DateTimeOffset at, DateTimeOffset now) =>
        Math.Max(0, (long)Math.Ceiling((at - now).TotalSeconds));
}
