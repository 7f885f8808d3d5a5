using Carlos.Contracts.Designs;
using Carlos.Grains.Model;

namespace Carlos.Grains.Workflow;

/// <summary>
/// The pipeline with the rival: both designs run their rounds side by side (<c>architect.lead</c> and
/// <c>architect.rival</c>, then <c>security.lead</c>, <c>security.rival</c> ...), the recommender chooses between
/// them (<c>recommender.choice</c>), and the Terraform follows the chosen design (<c>terraform.lead</c> or
/// <c>terraform.rival</c>, then <c>terraform_check.lead</c> ...). A user's overruling choice, recorded in the state,
/// takes the place of the recommender's; the Terraform steps of the design chosen then run, and nothing else.
/// </summary>
internal sealed partial class DesignPipeline
{
    private readonly Dictionary<DesignCandidate, int> _rounds = [];

    private async Task<DesignStatus> RunWithRivalAsync(CancellationToken cancellationToken)
    {
        var lead = DesignAsync(DesignCandidate.Lead, cancellationToken);
        var rival = DesignAsync(DesignCandidate.Rival, cancellationToken);
        await Task.WhenAll(lead, rival);
        _rounds[DesignCandidate.Lead] = lead.Result.Round;
        _rounds[DesignCandidate.Rival] = rival.Result.Round;
        if (!lead.Result.Passed && !rival.Result.Passed)
        {
            return DesignStatus.RevisionRequired;
        }

        var recommended = (await StepAsync(new(AgentRole.Recommender, 1, StepKey.ChoiceScope), cancellationToken))
            .Result.Choice!.Chosen;
        var chosen = state.ChosenDesign ?? recommended;
        await BuildAsync(chosen, _rounds[chosen], cancellationToken);
        return DesignStatus.Completed;
    }

    /// <summary>One design with its reviews and verdict of its last round, as the recommender weighs it.</summary>
    private CandidateReview Review(DesignCandidate candidate)
    {
        var round = _rounds[candidate];
        return new CandidateReview(candidate,
            Result(AgentRole.Architect, round, candidate)?.Text,
            Result(AgentRole.Security, round, candidate)?.Security,
            Result(AgentRole.Cost, round, candidate)?.Cost,
            Result(AgentRole.Reliability, round, candidate)?.Reliability,
            Result(AgentRole.Validator, round, candidate)?.Validation);
    }

    /// <summary>With the rival, the two architects sample at different temperatures; without it, at the default.</summary>
    private float? ArchitectTemperature(DesignCandidate? candidate) => candidate switch
    {
        DesignCandidate.Lead => (rivalOptions ?? new()).LeadTemperature,
        DesignCandidate.Rival => (rivalOptions ?? new()).Temperature,
        _ => null,
    };
}
