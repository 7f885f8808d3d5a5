using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Carlos.Grains.Agents;
using Carlos.Grains.Model;

namespace Carlos.Grains.Workflow;

/// <summary>Builds the design as callers see it: the latest round of every agent's output.</summary>
internal static class DesignSnapshots
{
    public static DesignSnapshot From(Guid id, DesignWorkflowState state)
    {
        var latest = state.Steps.Values
            .GroupBy(r => r.Outcome.Agent)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.Outcome.Round)!.Result);

        AgentOutcome? Of(AgentRole role) =>
            latest.GetValueOrDefault(Contracts.Serialization.CarlosJson.WireName(role));
        var check = Of(AgentRole.TerraformCheck)?.TerraformCheck;
        var reviewSteps = state.Steps.Values.Where(r => !IsTerraformCheckStep(r.Outcome.Agent));

        var snapshot = new DesignSnapshot
        {
            Id = id,
            Status = state.Status,
            Requirements = state.Request!.Requirements,
            Settings = state.Request.Settings,
            DesignMarkdown = Of(AgentRole.Architect)?.Text,
            Security = Of(AgentRole.Security)?.Security,
            SecurityMarkdown = Of(AgentRole.Security)?.Text,
            Cost = Of(AgentRole.Cost)?.Cost,
            CostMarkdown = Of(AgentRole.Cost)?.Text,
            Reliability = Of(AgentRole.Reliability)?.Reliability,
            ReliabilityMarkdown = Of(AgentRole.Reliability)?.Text,
            Validation = Of(AgentRole.Validator)?.Validation,
            Recommendation = Of(AgentRole.Recommender)?.Text,
            Terraform = (Of(AgentRole.TerraformCorrector) ?? Of(AgentRole.Terraform))?.Text,
            TerraformCheck = check,
            TerraformPassing = check is null ? null : check.Result != TerraformCheckResult.NeedsFixes,
            Usage = state.Usage,
            Steps = state.Steps.Values.Select(r => r.Outcome).OrderBy(o => o.StartedAt).ToList(),
            Rounds = reviewSteps.Select(r => r.Outcome.Round).DefaultIfEmpty(0).Max(),
            Error = state.Error,
            CreatedAt = state.CreatedAt,
            UpdatedAt = state.UpdatedAt,
            CompletedAt = state.CompletedAt,
            Model = state.Model,
            Questions = state.Questions,
            Answers = state.Answers,
            AnswersDueBy = state.AnswersDueBy,
            DocumentIds = state.Documents.Select(d => d.Id).ToList(),
            CacheHit = state.CacheHit,
            LessonsApplied = state.Lessons,
            CustomReviews = CustomReviewStep.Latest(state),
        };
        return state.Request.Rival ? RivalSnapshots.Apply(snapshot, state) : snapshot;
    }

    private static bool IsTerraformCheckStep(string agent) =>
        agent == Contracts.Serialization.CarlosJson.WireName(AgentRole.TerraformCheck)
        || agent == Contracts.Serialization.CarlosJson.WireName(AgentRole.TerraformCorrector);
}
