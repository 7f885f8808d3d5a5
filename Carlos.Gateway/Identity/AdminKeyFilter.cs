using System.Net;
using Carlos.Contracts.Identity;
using Carlos.Gateway.Http;

namespace Carlos.Gateway.Identity;

/// <summary>
/// Authorises the admin API by the admin key from configuration (<c>Carlos:AdminApiKey</c>), compared in constant
/// time. Without that setting the admin API refuses every request.
/// </summary>
internal sealed class AdminKeyFilter(IConfiguration configuration, FailedAuthenticationLimiter failures) : IEndpointFilter
{
    public const string ConfigurationKey = "Carlos:AdminApiKey";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var address = http.Connection.RemoteIpAddress ?? IPAddress.None;
        if (failures.IsBlocked(address))
        {
            return Problems.TooManyFailedAuthentications();
        }

        var expected = configuration[ConfigurationKey];
        if (expected is { Length: > 0 } && ApiKeyFilter.TryReadBearer(http.Request, out var presented)
            && ApiKeys.HashesEqual(ApiKeys.Hash(expected, presented), ApiKeys.Hash(expected, expected)))
        {
            return await next(context);
        }

        if (!failures.RecordFailure(address))
        {
            return Problems.TooManyFailedAuthentications();
        }

        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Unauthorized(expected is { Length: > 0 }
            ? "The admin API needs the admin key: send Authorization: Bearer <admin key>."
            : "The admin API is not configured on this gateway (Carlos:AdminApiKey is unset).");
    }
}
