using Carlos.Contracts.Designs;
using Carlos.Grains.Workflow;

namespace Carlos.Grains.Cache;

/// <summary>
/// Every rule on what the design cache may hold, in one place. A request that reads material only its tenant has
/// (documents, custom agents) is never looked up nor stored; a result is stored only when it completed cleanly, from
/// the request alone.
/// </summary>
internal static class DesignCacheEligibility
{
    /// <summary>Null when the request may be answered from the cache and stored in it; otherwise why not.</summary>
    public static string? ForRequest(DesignRequest request, int lessons = 0)
    {
        if (request.DocumentIds is { Count: > 0 })
        {
            return "it reads documents";
        }

        if (request.CustomAgentIds is { Count: > 0 })
        {
            return "it runs custom agents";
        }

        // Lessons are the tenant's own and change as feedback arrives: a design given them is the tenant's alone.
        return lessons > 0 ? "it applies the tenant's lessons" : null;
    }

    /// <summary>Null when the design, ending <paramref name="status"/>, may be stored; otherwise why not.</summary>
    public static string? ForResult(DesignWorkflowState state, DesignStatus status)
    {
        if (ForRequest(state.Request!, state.Lessons.Count) is { } request)
        {
            return request;
        }

        if (status != DesignStatus.Completed)
        {
            return $"it ended {Contracts.Serialization.CarlosJson.WireName(status)}";
        }

        if (state.Documents.Count > 0)
        {
            return "it read documents";
        }

        if (state.Answers.Count > 0 || state.Questions.Count > 0)
        {
            return "it was refined by answers to clarifying questions";
        }

        if (state.Steps.Values.Any(s => s.Outcome.Degraded || s.Result.Degraded))
        {
            return "a step was degraded";
        }

        if (state.ChosenDesign is not null)
        {
            return "a user overruled the recommender's choice";
        }

        return state.CacheHit is not null ? "it was itself answered from the cache" : null;
    }
}
