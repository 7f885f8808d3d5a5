using System.Text.Json;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Identity;
using Carlos.Contracts.Serialization;
using Carlos.Contracts.Workspace;
using Carlos.Gateway.Http;
using Carlos.Gateway.Identity;

namespace Carlos.Gateway.Endpoints;

/// <summary>
/// The tenant workspace API: the caller's design history and deletion, deployment records, the tenant's deployment
/// analytics, and the deletion of all of a tenant's data.
/// </summary>
internal static class WorkspaceEndpoints
{
    public static RouteGroupBuilder MapWorkspace(this RouteGroupBuilder v1)
    {
        var designs = v1.MapGroup("/designs").WithTags("Designs");
        designs.MapGet("/", ListAsync).WithName("ListDesigns")
            .WithSummary("Lists the caller's designs, newest first, a page at a time (cursor), optionally by status.")
            .Produces<DesignPage>()
            .ProducesValidationProblem();
        designs.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteDesign")
            .WithSummary("Deletes a design with its events and deployment record; a running design is cancelled first.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        designs.MapPost("/{id:guid}/deployment", SaveDeploymentAsync).WithName("SaveDeployment")
            .WithSummary("Records how deploying the design went; a second post replaces the record.")
            .Accepts<DeploymentBody>("application/json")
            .Produces<DeploymentRecord>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        designs.MapGet("/{id:guid}/deployment", GetDeploymentAsync).WithName("GetDeployment")
            .WithSummary("Reads the design's deployment record.")
            .Produces<DeploymentRecord>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        v1.MapGet("/analytics/deployments", AnalyticsAsync).WithName("GetDeploymentAnalytics").WithTags("Analytics")
            .WithSummary("The tenant's deployment figures and most common issues, overall and by scenario.")
            .Produces<DeploymentAnalytics>();

        v1.MapDelete("/tenant/data", DeleteTenantDataAsync).WithName("DeleteTenantData").WithTags("Tenant")
            .WithSummary("Tenant admins only: deletes all of the tenant's designs, events, documents, agents and feedback.")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return v1;
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, IGrainFactory grains, string? status, string? cursor, string? limit)
    {
        DesignStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            try
            {
                wanted = JsonSerializer.Deserialize<DesignStatus>($"\"{JsonEncodedText.Encode(status)}\"", CarlosJson.Options);
            }
            catch (JsonException)
            {
                var names = Enum.GetValues<DesignStatus>().Select(s => CarlosJson.WireName(s));
                return Problems.Validation("status", $"Use one of: {string.Join(", ", names)}.");
            }
        }

        DesignCursor? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!DesignCursor.TryDecode(cursor, out var decoded))
            {
                return Problems.Validation("cursor", "Pass back the nextCursor of an earlier page unchanged.");
            }

            after = decoded;
        }

        var size = IDesignIndexGrain.DefaultPageSize;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, out size) || size is < 1 or > IDesignIndexGrain.MaxPageSize))
        {
            return Problems.Validation("limit", $"The limit must be from 1 to {IDesignIndexGrain.MaxPageSize}.");
        }

        var caller = http.GetCaller();
        var page = await grains.GetGrain<IDesignIndexGrain>(IDesignIndexGrain.KeyOf(caller.TenantId, caller.UserId))
            .ListAsync(caller, wanted, after, size);
        return TypedResults.Ok(page);
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, IGrainFactory grains) =>
        await grains.GetGrain<IDesignWorkflowGrain>(id).DeleteAsync(http.GetCaller())
            ? TypedResults.NoContent()
            : Problems.NotFound("design");

    private static async Task<IResult> SaveDeploymentAsync(
        Guid id, HttpContext http, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<DeploymentBody>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (feedback, invalid) = body!.Validate(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (invalid is not null)
        {
            return invalid;
        }

        var record = await grains.GetGrain<IDeploymentFeedbackGrain>(id).SaveAsync(http.GetCaller(), feedback!);
        return record is null ? Problems.NotFound("design") : TypedResults.Ok(record);
    }

    private static async Task<IResult> GetDeploymentAsync(Guid id, HttpContext http, IGrainFactory grains)
    {
        var record = await grains.GetGrain<IDeploymentFeedbackGrain>(id).GetAsync(http.GetCaller());
        return record is null ? Problems.NotFound("deployment record for a design") : TypedResults.Ok(record);
    }

    private static async Task<IResult> AnalyticsAsync(HttpContext http, IGrainFactory grains)
    {
        var caller = http.GetCaller();
        return TypedResults.Ok(await grains.GetGrain<IDeploymentAnalyticsGrain>(caller.TenantId).GetAsync(caller));
    }

    private static async Task<IResult> DeleteTenantDataAsync(HttpContext http, IGrainFactory grains)
    {
        var caller = http.GetCaller();
        if (caller.Role != CallerRole.TenantAdmin)
        {
            return Problems.Forbidden("Only a tenant admin may delete the tenant's data.");
        }

        await grains.GetGrain<ITenantWorkspaceGrain>(caller.TenantId).DeleteAllAsync(caller);
        return TypedResults.Accepted((string?)null, new { tenantId = caller.TenantId, status = "deleting" });
    }
}
