using Carlos.Contracts.Workspace;
using Carlos.Grains.Model;

namespace Carlos.Grains.Agents;

/// <summary>What a custom agent answers: its findings and a summary. Carlos adds which agent and round it was.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.CustomReviewDraft")]
public sealed record CustomReviewDraft(
    [property: Id(0)] IReadOnlyList<CustomFinding> Findings,
    [property: Id(1)] string Summary)
{
    /// <summary>The most findings a custom review keeps.</summary>
    public const int MaxFindings = 20;

    public static AgentOutcome Outcome(CustomReviewDraft draft, AgentContext context)
    {
        var report = Report(context, draft.Findings.Take(MaxFindings).ToList(), draft.Summary);
        return new AgentOutcome { Text = CustomReviewMarkdown.Render(report), CustomReview = report, Usage = Contracts.Reports.TokenUsage.Zero };
    }

    /// <summary>The report of a review whose answer could not be read: no findings, and a summary that says so.</summary>
    public static CustomReviewReport Unreadable(AgentContext context) =>
        Report(context, [], "The custom agent's answer could not be read, so it reported nothing.");

    private static CustomReviewReport Report(AgentContext context, IReadOnlyList<CustomFinding> findings, string summary)
    {
        var agent = context.CustomAgent ?? throw new InvalidOperationException("A custom review needs its agent.");
        return new CustomReviewReport(agent.Id, agent.Name, agent.Focus, context.Round, findings, summary);
    }
}
