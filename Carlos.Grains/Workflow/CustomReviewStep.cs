using Carlos.Contracts.Workspace;
using Carlos.Grains.Model;

namespace Carlos.Grains.Workflow;

/// <summary>
/// The custom agents' reviews of one round: after the three analysts and before the validator, every custom agent
/// the request named reviews the design in parallel, each as its own step <c>custom.{agentId}.{round}</c>. A review
/// already recorded is not run again.
/// </summary>
internal sealed class CustomReviewStep(
    DesignWorkflowState state,
    Func<AgentRole, int, AgentContext, CancellationToken, Task<StepRecord>> runStep)
{
    public const string AgentPrefix = "custom.";

    public static string AgentName(Guid agentId) => $"{AgentPrefix}{agentId}";

    public static string StepId(Guid agentId, int round) => $"{AgentName(agentId)}.{round}";

    public static bool IsCustomAgent(string agent) => agent.StartsWith(AgentPrefix, StringComparison.Ordinal);

    public Task RunAsync(int round, AgentContext context, CancellationToken cancellationToken) =>
        Task.WhenAll(state.CustomAgents
            .Where(agent => !state.Steps.ContainsKey(StepId(agent.Id, round)))
            .Select(agent => runStep(AgentRole.Custom, round, context with { CustomAgent = agent }, cancellationToken)));

    /// <summary>The custom reviews of one round, in the order the request named the agents.</summary>
    public static IReadOnlyList<CustomReviewReport> Reports(DesignWorkflowState state, int round) =>
        state.CustomAgents
            .Select(agent => state.Steps.GetValueOrDefault(StepId(agent.Id, round))?.Result.CustomReview)
            .OfType<CustomReviewReport>()
            .ToList();

    /// <summary>Each custom agent's latest review, for the design as callers see it.</summary>
    public static IReadOnlyList<CustomReviewReport> Latest(DesignWorkflowState state) =>
        state.CustomAgents
            .Select(agent => state.Steps.Values
                .Where(r => r.Outcome.Agent == AgentName(agent.Id))
                .MaxBy(r => r.Outcome.Round)?.Result.CustomReview)
            .OfType<CustomReviewReport>()
            .ToList();
}
