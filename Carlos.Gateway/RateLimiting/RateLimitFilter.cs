using Carlos.Contracts.RateLimits;
using Carlos.Gateway.Identity;
using Carlos.Telemetry;
using Microsoft.AspNetCore.Mvc;

namespace Carlos.Gateway.RateLimiting;

/// <summary>
/// Charges every authenticated request to its user's quota for the endpoint's class, in the one grain that keeps
/// that quota for the whole cluster. Over the limit: 429 with <c>Retry-After</c>. A request then refused as invalid
/// (400, 413, 415, 422) or answered from an idempotent replay gets its permit back.
/// </summary>
internal sealed class RateLimitFilter(IGrainFactory grains, RateLimitPolicies policies, TimeProvider time) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caller = http.GetCaller();
        var endpointClass = http.GetEndpoint()?.Metadata.GetMetadata<RateLimitClassAttribute>()?.EndpointClass
            ?? RateLimitClasses.Read;
        var policy = policies.For(http.GetPlan(), endpointClass);
        var quota = grains.GetGrain<IRateLimitGrain>(RateLimitKeys.For(caller.TenantId, caller.UserId, endpointClass));

        var decision = await quota.TryAcquireAsync(policy);
        var now = time.GetUtcNow();
        RateLimitHeaders.Apply(http.Response, decision, now);
        if (!decision.Admitted)
        {
            CarlosMetrics.RateLimitRejected(endpointClass, caller.TenantId);
            return Rejected(http, decision, now);
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await quota.RefundAsync(decision.AdmittedAt!.Value);
            throw;
        }

        if (http.QuotaRefundRequested() || result is IStatusCodeHttpResult { StatusCode: 400 or 413 or 415 or 422 })
        {
            await quota.RefundAsync(decision.AdmittedAt!.Value);
        }

        return result;
    }

    private static IResult Rejected(HttpContext http, RateLimitDecision decision, DateTimeOffset now)
    {
        var retryAfter = RateLimitHeaders.SecondsUntil(decision.ResetAt, now);
        http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var policy = decision.Policy;
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Type = Http.Problems.RateLimitedType,
            Title = "Rate limit exceeded.",
            Detail = $"The {policy.EndpointClass} limit of {policy.PermitLimit} requests per {policy.Window} is used up; " +
                $"the next request is allowed at {decision.ResetAt:O}.",
            Extensions =
            {
                ["endpoint"] = policy.EndpointClass,
                ["limit"] = policy.PermitLimit,
                ["remaining"] = decision.Remaining,
                ["resetAt"] = decision.ResetAt,
            },
        });
    }
}
