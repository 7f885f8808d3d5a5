using Carlos.Contracts.Budget;
using Carlos.Contracts.Designs;
using Carlos.Grains.Model;

namespace Carlos.Grains.Workflow;

/// <summary>How a design's steps meet the token budget: as interactive work, announcing their waits as events.</summary>
internal sealed partial class DesignWorkflowGrain
{
    private ModelCallScope BudgetScope(string agent, string step) => new()
    {
        Priority = ModelCallPriority.Interactive,
        Queued = (position, estimatedStart) => OnBudgetQueued(agent, step, position, estimatedStart),
    };

    /// <summary>Called by the call gate, from any thread, while a step's model call waits for room in the budget.</summary>
    private void OnBudgetQueued(string agent, string step, int position, DateTimeOffset? estimatedStart) =>
        Task.Factory.StartNew(() =>
        {
            if (_run is null || State.Status.IsTerminal())
            {
                return;
            }

            Append(DesignEventType.Queued, e => e with
            {
                Agent = agent, Step = step, Position = position, EstimatedStart = estimatedStart,
                Reason = "token_budget",
                Text = $"The {agent} step waits for the model's token budget: position {position}" +
                    (estimatedStart is { } at ? $", expected to start at {at:HH:mm:ss} UTC." : "."),
            });
        }, CancellationToken.None, TaskCreationOptions.None, _scheduler).Ignore();
}
