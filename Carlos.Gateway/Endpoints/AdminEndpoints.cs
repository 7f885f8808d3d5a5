using System.Text.RegularExpressions;
using Carlos.Contracts.Audit;
using Carlos.Contracts.Identity;
using Carlos.Contracts.Serialization;
using Carlos.Contracts.Tenants;
using Carlos.Gateway.Http;
using Carlos.Gateway.Identity;
using Carlos.Gateway.RateLimiting;

namespace Carlos.Gateway.Endpoints;

/// <summary>The operator's API, authorised by the admin key: tenants, their keys, and the audit log.</summary>
internal static partial class AdminEndpoints
{
    private const string Actor = "admin";

    public static RouteGroupBuilder MapAdmin(this RouteGroupBuilder v1)
    {
        var admin = v1.MapGroup("/admin").WithTags("Admin").AddEndpointFilter<AdminKeyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);

        admin.MapPost("/tenants", CreateTenantAsync).WithName("CreateTenant").ProducesValidationProblem()
            .Produces<TenantInfo>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/tenants/{tenant}", GetTenantAsync).WithName("GetTenant").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPut("/tenants/{tenant}", UpdateTenantAsync).WithName("UpdateTenant").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/tenants/{tenant}/keys", CreateKeyAsync).WithName("CreateKey").ProducesValidationProblem()
            .Produces<CreatedKey>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/tenants/{tenant}/keys", ListKeysAsync).WithName("ListKeys").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapDelete("/tenants/{tenant}/keys/{keyId}", RevokeKeyAsync).WithName("RevokeKey")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/audit", ReadAuditAsync).WithName("ReadAudit");
        return v1;
    }

    /// <summary>The body of <c>POST /v1/admin/tenants</c>.</summary>
    public sealed record CreateTenantBody(string? Id, string? Name, string? Plan);

    /// <summary>The body of <c>PUT /v1/admin/tenants/{tenant}</c>.</summary>
    public sealed record UpdateTenantBody(string? Plan, bool? Disabled);

    /// <summary>The body of <c>POST /v1/admin/tenants/{tenant}/keys</c>.</summary>
    public sealed record CreateKeyBody(string? User, CallerRole? Role, DateTimeOffset? ExpiresAt);

    /// <summary>A new key; <see cref="Key"/> is shown this once and never again.</summary>
    public sealed record CreatedKey(string KeyId, string Key, string TenantId, string UserId, CallerRole Role,
        DateTimeOffset? ExpiresAt);

    private static async Task<IResult> CreateTenantAsync(HttpContext http, IGrainFactory grains,
        RateLimitPolicies policies, AuditTrail audit, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateTenantBody>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Id is not { } id || !TenantId().IsMatch(id))
        {
            return Problems.Validation("id", "Use 2 to 63 lower-case letters, digits or hyphens, starting with a letter or digit.");
        }

        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 200)
        {
            return Problems.Validation("name", "A name of 1 to 200 characters is required.");
        }

        var plan = body.Plan ?? "default";
        if (!policies.IsKnownPlan(plan))
        {
            return Problems.Validation("plan", "No such plan is configured (Carlos:Plans).");
        }

        var tenant = await grains.GetGrain<ITenantGrain>(id).CreateAsync(body.Name, plan);
        if (tenant is null)
        {
            return Problems.Conflict("A tenant with this id already exists.");
        }

        await audit.RecordAsync(http, Actor, "tenant.created", id, id, $"plan {plan}");
        return TypedResults.Created($"/v1/admin/tenants/{id}", tenant);
    }

    private static async Task<IResult> GetTenantAsync(string tenant, IGrainFactory grains) =>
        await grains.GetGrain<ITenantGrain>(tenant).GetAsync() is { } info
            ? TypedResults.Ok(info)
            : Problems.NotFound("tenant");

    private static async Task<IResult> UpdateTenantAsync(string tenant, HttpContext http, IGrainFactory grains,
        RateLimitPolicies policies, AuditTrail audit, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<UpdateTenantBody>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Plan is { } plan && !policies.IsKnownPlan(plan))
        {
            return Problems.Validation("plan", "No such plan is configured (Carlos:Plans).");
        }

        var updated = await grains.GetGrain<ITenantGrain>(tenant).UpdateAsync(body.Plan, body.Disabled);
        if (updated is null)
        {
            return Problems.NotFound("tenant");
        }

        await audit.RecordAsync(http, Actor, "tenant.updated", tenant, tenant,
            $"plan {updated.Plan}, disabled {updated.Disabled}");
        return TypedResults.Ok(updated);
    }

    private static async Task<IResult> CreateKeyAsync(string tenant, HttpContext http, IGrainFactory grains,
        Microsoft.Extensions.Options.IOptions<AuthOptions> auth, TimeProvider time, AuditTrail audit,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateKeyBody>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.User is not { } user || !UserId().IsMatch(user))
        {
            return Problems.Validation("user", "Use 1 to 100 letters, digits, '.', '_', '@' or '-'.");
        }

        var now = time.GetUtcNow();
        if (body.ExpiresAt is { } expiry && expiry <= now)
        {
            return Problems.Validation("expiresAt", "The expiry must be in the future.");
        }

        var tenantGrain = grains.GetGrain<ITenantGrain>(tenant);
        if (await tenantGrain.GetAsync() is null)
        {
            return Problems.NotFound("tenant");
        }

        var (keyId, key, secret) = ApiKeys.Generate();
        var role = body.Role ?? CallerRole.User;
        var info = new ApiKeyInfo(keyId, tenant, user, role, now, body.ExpiresAt, null, ApiKeySource.Api);
        await grains.GetGrain<IApiKeyGrain>(keyId).CreateAsync(info, ApiKeys.Hash(auth.Value.Pepper, secret));
        await tenantGrain.AddKeyAsync(keyId);
        await audit.RecordAsync(http, Actor, "key.created", tenant, keyId, $"user {user}, role {CarlosJson.WireName(role)}");
        return TypedResults.Created($"/v1/admin/tenants/{tenant}/keys/{keyId}",
            new CreatedKey(keyId, key, tenant, user, role, body.ExpiresAt));
    }

    private static async Task<IResult> ListKeysAsync(string tenant, IGrainFactory grains)
    {
        var tenantGrain = grains.GetGrain<ITenantGrain>(tenant);
        return await tenantGrain.GetAsync() is null
            ? Problems.NotFound("tenant")
            : TypedResults.Ok(await tenantGrain.ListKeysAsync());
    }

    private static async Task<IResult> RevokeKeyAsync(string tenant, string keyId, HttpContext http,
        IGrainFactory grains, AuditTrail audit)
    {
        var key = grains.GetGrain<IApiKeyGrain>(keyId);
        if (await key.GetAsync() is not { } info || info.TenantId != tenant)
        {
            return Problems.NotFound("key");
        }

        await key.RevokeAsync();
        await audit.RecordAsync(http, Actor, "key.revoked", tenant, keyId);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ReadAuditAsync(IGrainFactory grains, int? limit) =>
        TypedResults.Ok(await grains.GetGrain<IAuditLogGrain>(IAuditLogGrain.Global).ReadAsync(limit ?? 100));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex TenantId();

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,100}$")]
    private static partial Regex UserId();
}
