using System.Globalization;
using Carlos.Contracts.RateLimits;
using Carlos.Gateway.Http;
using Carlos.Gateway.RateLimiting;

namespace Carlos.Gateway.Hosting;

/// <summary>
/// Refuses requests that start new work (every endpoint class but <c>read</c>) while the gateway shuts down: 503 with
/// <c>Retry-After</c>, before any key is checked or quota charged. Reads go on until the server stops.
/// </summary>
internal sealed class DrainFilter(GatewayDrain drain) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var endpointClass = http.GetEndpoint()?.Metadata.GetMetadata<RateLimitClassAttribute>()?.EndpointClass;
        if (!drain.IsDraining || endpointClass is null or RateLimitClasses.Read)
        {
            return await next(context);
        }

        http.Response.Headers.RetryAfter =
            ((long)GatewayDrain.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return Problems.ShuttingDown();
    }
}
