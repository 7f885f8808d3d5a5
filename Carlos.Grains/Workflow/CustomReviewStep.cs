using Carlos.Contracts.Designs;
using Carlos.Contracts.Workspace;
using Carlos.Grains.Model;

namespace Carlos.Grains.Workflow;

/// <summary>
/// The custom agents' reviews of one round: after the three analysts and before the validator, every custom agent
/// the request named reviews the design in parallel, each as its own step (<c>custom.{agentId}.{round}</c>, or
/// scoped by candidate with the rival, see <see cref="StepKey"/>). A review already recorded is not run again.
/// </summary>
internal sealed class CustomReviewStep(
    DesignWorkflowState state,
    Func<StepKey, AgentContext, CancellationToken, Task<StepRecord>> runStep)
{
    public const string AgentPrefix = "custom.";

    public static string AgentName(Guid agentId) => $"{AgentPrefix}{agentId}";

    public static string StepId(Guid agentId, int round, DesignCandidate? candidate = null) =>
        StepKey.OfCustom(agentId, round, candidate).Id;

    public static bool IsCustomAgent(string agent) => agent.StartsWith(AgentPrefix, StringComparison.Ordinal);

    public Task RunAsync(
        DesignCandidate? candidate, int round, AgentContext context, CancellationToken cancellationToken) =>
        Task.WhenAll(state.CustomAgents
            .Select(agent => StepKey.OfCustom(agent.Id, round, candidate))
            .Where(key => !state.Steps.ContainsKey(key.Id))
            .Select(key => runStep(key, context with
            {
                CustomAgent = state.CustomAgents.First(a => a.Id == key.CustomAgentId),
            }, cancellationToken)));

    /// <summary>The custom reviews of one design in one round, in the order the request named the agents.</summary>
    public static IReadOnlyList<CustomReviewReport> Reports(
        DesignWorkflowState state, int round, DesignCandidate? candidate = null) =>
        state.CustomAgents
            .Select(agent => state.Steps.GetValueOrDefault(StepId(agent.Id, round, candidate))?.Result.CustomReview)
            .OfType<CustomReviewReport>()
            .ToList();

    /// <summary>
    /// Each custom agent's latest review of the design callers see at the top level: the only design, or the lead's
    /// with the rival.
    /// </summary>
    public static IReadOnlyList<CustomReviewReport> Latest(DesignWorkflowState state) =>
        state.CustomAgents
            .Select(agent => state.Steps.Values
                .Where(r => r.Outcome.Agent == AgentName(agent.Id)
                    && r.Outcome.Candidate is null or DesignCandidate.Lead)
                .MaxBy(r => r.Outcome.Round)?.Result.CustomReview)
            .OfType<CustomReviewReport>()
            .ToList();
}
