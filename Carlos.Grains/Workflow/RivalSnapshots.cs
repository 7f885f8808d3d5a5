using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Carlos.Contracts.Serialization;
using Carlos.Grains.Agents;
using Carlos.Grains.Model;

namespace Carlos.Grains.Workflow;

/// <summary>
/// The parts of a snapshot that a design with the rival fills differently: the lead's design and reviews at the top
/// level, the rival's under <see cref="DesignSnapshot.Rival"/>, the choice, and the Terraform of the design chosen.
/// </summary>
internal static class RivalSnapshots
{
    public static DesignSnapshot Apply(DesignSnapshot snapshot, DesignWorkflowState state)
    {
        var choiceStep = new StepKey(AgentRole.Recommender, 1, StepKey.ChoiceScope).Id;
        var recommender = state.Steps.GetValueOrDefault(choiceStep)?.Result;
        var choice = recommender?.Choice is { } recommended ? Apply(recommended, state.ChosenDesign) : null;
        var lead = Candidate(state, DesignCandidate.Lead);
        var terraform = choice is null ? null : Latest(state, choice.Chosen, AgentRole.TerraformCorrector)
            ?? Latest(state, choice.Chosen, AgentRole.Terraform);
        var check = choice is null ? null : Latest(state, choice.Chosen, AgentRole.TerraformCheck)?.TerraformCheck;

        return snapshot with
        {
            DesignMarkdown = lead.DesignMarkdown,
            Security = lead.Security,
            SecurityMarkdown = lead.SecurityMarkdown,
            Cost = lead.Cost,
            CostMarkdown = lead.CostMarkdown,
            Reliability = lead.Reliability,
            ReliabilityMarkdown = lead.ReliabilityMarkdown,
            Validation = lead.Validation,
            Recommendation = recommender?.Text,
            Terraform = terraform?.Text,
            TerraformCheck = check,
            TerraformPassing = check is null ? null : check.Result != TerraformCheckResult.NeedsFixes,
            Rival = Candidate(state, DesignCandidate.Rival),
            Choice = choice,
        };
    }

    /// <summary>The recommender's choice with a user's overrule applied.</summary>
    public static DesignChoice Apply(DesignChoice recommended, DesignCandidate? chosenByUser) =>
        chosenByUser is { } chosen
            ? recommended with { Chosen = chosen, Overruled = chosen != recommended.Recommended }
            : recommended;

    private static CandidateDesign Candidate(DesignWorkflowState state, DesignCandidate candidate)
    {
        AgentOutcome? Of(AgentRole role) => Latest(state, candidate, role);
        return new CandidateDesign
        {
            Candidate = candidate,
            DesignMarkdown = Of(AgentRole.Architect)?.Text,
            Security = Of(AgentRole.Security)?.Security,
            SecurityMarkdown = Of(AgentRole.Security)?.Text,
            Cost = Of(AgentRole.Cost)?.Cost,
            CostMarkdown = Of(AgentRole.Cost)?.Text,
            Reliability = Of(AgentRole.Reliability)?.Reliability,
            ReliabilityMarkdown = Of(AgentRole.Reliability)?.Text,
            Validation = Of(AgentRole.Validator)?.Validation,
            Rounds = state.Steps.Values
                .Where(r => r.Outcome.Candidate == candidate && r.Outcome.Agent == CarlosJson.WireName(AgentRole.Architect))
                .Select(r => r.Outcome.Round).DefaultIfEmpty(0).Max(),
        };
    }

    private static AgentOutcome? Latest(DesignWorkflowState state, DesignCandidate candidate, AgentRole role) =>
        state.Steps.Values
            .Where(r => r.Outcome.Candidate == candidate && r.Outcome.Agent == CarlosJson.WireName(role))
            .MaxBy(r => r.Outcome.Round)?.Result;
}
