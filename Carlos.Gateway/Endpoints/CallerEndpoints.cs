using Carlos.Contracts.Serialization;
using Carlos.Gateway.Identity;

namespace Carlos.Gateway.Endpoints;

/// <summary><c>GET /v1/me</c>: who the presented key acts for, so that a client can show it.</summary>
internal static class CallerEndpoints
{
    /// <summary>The caller as the key establishes it: tenant, user, role and plan.</summary>
    public sealed record CallerView(string TenantId, string UserId, string Role, string Plan);

    public static RouteGroupBuilder MapCaller(this RouteGroupBuilder v1)
    {
        v1.MapGet("/me", (HttpContext http) =>
            {
                var caller = http.GetCaller();
                return TypedResults.Ok(new CallerView(caller.TenantId, caller.UserId, CarlosJson.WireName(caller.Role),
                    http.GetPlan()));
            })
            .WithName("GetCaller").WithTags("Identity")
            .WithSummary("The tenant, user, role and plan of the presented API key.");
        return v1;
    }
}
