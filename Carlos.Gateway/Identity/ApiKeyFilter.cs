using System.Net;
using Carlos.Contracts.Identity;
using Carlos.Gateway.Http;
using Microsoft.Extensions.Options;

namespace Carlos.Gateway.Identity;

/// <summary>
/// Authenticates every <c>/v1</c> request by its <c>Authorization: Bearer</c> API key. A missing, unknown, expired or
/// revoked key gets 401 with <c>WWW-Authenticate: Bearer</c>; a disabled tenant's key gets 403. Only the key's HMAC
/// leaves the gateway, and the key itself is never logged.
/// </summary>
internal sealed class ApiKeyFilter(
    IGrainFactory grains, IOptions<AuthOptions> options, FailedAuthenticationLimiter failures, AuditTrail audit)
    : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var address = http.Connection.RemoteIpAddress ?? IPAddress.None;
        if (failures.IsBlocked(address))
        {
            return Problems.TooManyFailedAuthentications();
        }

        if (!TryReadBearer(http.Request, out var presented) || !ApiKeys.TryParse(presented, out var keyId, out var secret))
        {
            return Fail(http, address, "An API key is required: send Authorization: Bearer <key>.");
        }

        var verification = await grains.GetGrain<IApiKeyGrain>(keyId).VerifyAsync(ApiKeys.Hash(options.Value.Pepper, secret));
        switch (verification.Check)
        {
            case KeyCheck.Valid:
                http.SetCaller(verification.Caller!, verification.Plan!);
                return await next(context);
            case KeyCheck.TenantDisabled:
                return Problems.Forbidden("The tenant of this key is disabled.");
            case KeyCheck.Revoked:
                await audit.RecordAsync(http, $"key:{keyId}", "key.revoked_use", tenantId: null, target: keyId);
                return Fail(http, address, "The API key has been revoked.");
            case KeyCheck.Expired:
                return Fail(http, address, "The API key has expired.");
            default:
                return Fail(http, address, "The API key is not valid.");
        }
    }

    internal static bool TryReadBearer(HttpRequest request, out string token)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        token = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : "";
        return token.Length > 0;
    }

    private IResult Fail(HttpContext http, IPAddress address, string detail)
    {
        if (!failures.RecordFailure(address))
        {
            return Problems.TooManyFailedAuthentications();
        }

        http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Problems.Unauthorized(detail);
    }
}
