using Carlos.Contracts.RateLimits;
using Carlos.Contracts.Workspace;
using Carlos.Gateway.Http;
using Carlos.Gateway.Identity;
using Carlos.Gateway.RateLimiting;

namespace Carlos.Gateway.Endpoints;

/// <summary>The custom agent API: a tenant's own reviewers, which designs name in <c>customAgentIds</c>.</summary>
internal static class CustomAgentEndpoints
{
    public static RouteGroupBuilder MapCustomAgents(this RouteGroupBuilder v1)
    {
        var agents = v1.MapGroup("/agents").WithTags("Custom agents");

        agents.MapPost("/", CreateAsync)
            .ChargedAs(RateLimitClasses.CustomAgent)
            .WithName("CreateCustomAgent")
            .WithSummary("Defines a reviewer for the tenant's designs.")
            .Accepts<CustomAgentBody>("application/json")
            .Produces<CustomAgent>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        agents.MapGet("/", ListAsync).WithName("ListCustomAgents").WithSummary("Lists the tenant's custom agents.");
        agents.MapGet("/{id:guid}", GetAsync).WithName("GetCustomAgent").WithSummary("Reads a custom agent.")
            .Produces<CustomAgent>().ProducesProblem(StatusCodes.Status404NotFound);
        agents.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateCustomAgent")
            .WithSummary("Replaces a custom agent's name, instructions and focus.")
            .Accepts<CustomAgentBody>("application/json")
            .Produces<CustomAgent>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        agents.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteCustomAgent").WithSummary("Deletes a custom agent.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    /// <summary>The body of <c>POST /v1/agents</c> and <c>PUT /v1/agents/{id}</c>.</summary>
    public sealed record CustomAgentBody(string? Name, string? Instructions, string? Focus)
    {
        public (CustomAgentDraft? Draft, IResult? Problem) Validate()
        {
            var name = Name?.Trim() ?? "";
            if (name.Length == 0)
            {
                return (null, Problems.Validation("name", "A name is required."));
            }

            if (name.Length > CustomAgent.MaxNameLength || name.Any(char.IsControl))
            {
                return (null, Problems.Validation("name",
                    $"The name may have at most {CustomAgent.MaxNameLength} characters and no control characters."));
            }

            var instructions = Instructions?.Trim() ?? "";
            if (instructions.Length == 0 || instructions.Length > CustomAgent.MaxInstructionsLength)
            {
                return (null, Problems.Validation("instructions",
                    $"Instructions are required, at most {CustomAgent.MaxInstructionsLength} characters."));
            }

            var focus = Focus?.Trim() ?? "";
            if (focus.Length > CustomAgent.MaxFocusLength)
            {
                return (null, Problems.Validation("focus",
                    $"The focus may have at most {CustomAgent.MaxFocusLength} characters."));
            }

            return (new CustomAgentDraft(name, instructions, focus), null);
        }
    }

    private static async Task<IResult> CreateAsync(HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (draft, problem) = await ReadAsync(http, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var caller = http.GetCaller();
        var result = await grains.GetGrain<ICustomAgentsGrain>(caller.TenantId).CreateAsync(caller, draft!);
        return result.Change == CustomAgentChange.Done
            ? TypedResults.Created($"/v1/agents/{result.Agent!.Id}", result.Agent)
            : Problem(result.Change);
    }

    private static async Task<IResult> ListAsync(HttpContext http, IGrainFactory grains)
    {
        var caller = http.GetCaller();
        var items = await grains.GetGrain<ICustomAgentsGrain>(caller.TenantId).ListAsync(caller);
        return TypedResults.Ok(new { items });
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, IGrainFactory grains)
    {
        var caller = http.GetCaller();
        var agent = await grains.GetGrain<ICustomAgentsGrain>(caller.TenantId).GetAsync(caller, id);
        return agent is null ? Problems.NotFound("custom agent") : TypedResults.Ok(agent);
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (draft, problem) = await ReadAsync(http, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var caller = http.GetCaller();
        var result = await grains.GetGrain<ICustomAgentsGrain>(caller.TenantId).UpdateAsync(caller, id, draft!);
        return result.Change == CustomAgentChange.Done ? TypedResults.Ok(result.Agent) : Problem(result.Change);
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, IGrainFactory grains)
    {
        var caller = http.GetCaller();
        var change = await grains.GetGrain<ICustomAgentsGrain>(caller.TenantId).DeleteAsync(caller, id);
        return change == CustomAgentChange.Done ? TypedResults.NoContent() : Problem(change);
    }

    private static async Task<(CustomAgentDraft?, IResult?)> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CustomAgentBody>(http.Request, cancellationToken);
        return problem is not null ? (null, problem) : body!.Validate();
    }

    private static IResult Problem(CustomAgentChange change) => change switch
    {
        CustomAgentChange.Forbidden => Problems.Forbidden("Only the agent's creator or a tenant admin may change it."),
        CustomAgentChange.LimitReached => Problems.Conflict(
            $"The tenant already has {CustomAgent.MaxPerTenant} custom agents; delete one first."),
        _ => Problems.NotFound("custom agent"),
    };
}
