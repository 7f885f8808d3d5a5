using Carlos.Contracts.Identity;
using Carlos.Contracts.Workspace;
using Carlos.Gateway.Http;

namespace Carlos.Gateway.Endpoints;

/// <summary>
/// Checks a design's <c>customAgentIds</c> before the design starts, so that a wrong id is a 400 naming the field:
/// each must be a custom agent of the caller's tenant. The design grain takes the agents' definitions at its start.
/// </summary>
internal static class CustomAgentCheck
{
    public const string Field = "customAgentIds";

    public static async Task<IResult?> CheckAsync(IGrainFactory grains, Caller caller, IReadOnlyList<Guid> ids)
    {
        if (ids.Count == 0)
        {
            return null;
        }

        if (ids.Count > CustomAgent.MaxPerDesign)
        {
            return Problems.Validation(Field, $"A design may name at most {CustomAgent.MaxPerDesign} custom agents.");
        }

        if (ids.Distinct().Count() < ids.Count)
        {
            return Problems.Validation(Field, "Name each custom agent once.");
        }

        var found = await grains.GetGrain<ICustomAgentsGrain>(caller.TenantId).ResolveAsync(caller, ids);
        var missing = ids.Except(found.Select(a => a.Id)).FirstOrDefault();
        return missing == Guid.Empty ? null : Problems.Validation(Field, $"There is no custom agent {missing}.");
    }
}
