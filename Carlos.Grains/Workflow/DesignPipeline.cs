using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Carlos.Contracts.Serialization;
using Carlos.Grains.Documents;
using Carlos.Grains.Model;

namespace Carlos.Grains.Workflow;

/// <summary>
/// The order of a design's steps: architect; security, cost and reliability in parallel; validator; on failure the
/// architect revises and the reviews run again, up to the configured rounds; then recommender and Terraform, and
/// the Terraform check. While the check finds errors, the corrector fixes them and the check runs again, up to
/// <see cref="TerraformCorrections"/> times (<c>terraform_check.1</c>, <c>terraform_corrector.1</c>,
/// <c>terraform_check.2</c> ...). A step already recorded in the state is not run again.
/// </summary>
internal sealed class DesignPipeline(
    DesignWorkflowState state,
    int revisionRounds,
    Func<AgentRole, int, AgentContext, CancellationToken, Task<StepRecord>> runStep)
{
    /// <summary>How many times the corrector may fix the Terraform before the design ends with the findings.</summary>
    public const int TerraformCorrections = 2;

    private int _reviewRound = 1;

    public static string StepId(AgentRole role, int round) => $"{CarlosJson.WireName(role)}.{round}";

    /// <summary>True for the steps after the reviews, whose round counts check rounds, not review rounds.</summary>
    public static bool IsTerraformCheckStep(AgentRole role) =>
        role is AgentRole.TerraformCheck or AgentRole.TerraformCorrector;

    public async Task<DesignStatus> RunAsync(CancellationToken cancellationToken)
    {
        if (state.Request!.AllowQuestions && state.Answers.Count == 0)
        {
            var clarifier = await StepAsync(AgentRole.Clarifier, 1, cancellationToken);
            if (clarifier.Result.Clarification is { NeedsAnswers: true, Questions.Count: > 0 })
            {
                return DesignStatus.AwaitingAnswers;
            }
        }

        var lastRound = revisionRounds + 1;
        var round = 1;
        while (true)
        {
            await StepAsync(AgentRole.Architect, round, cancellationToken);
            await Task.WhenAll(
                StepAsync(AgentRole.Security, round, cancellationToken),
                StepAsync(AgentRole.Cost, round, cancellationToken),
                StepAsync(AgentRole.Reliability, round, cancellationToken));
            await new CustomReviewStep(state, runStep).RunAsync(round, Context(AgentRole.Custom, round), cancellationToken);
            var verdict = await StepAsync(AgentRole.Validator, round, cancellationToken);
            if (verdict.Result.Validation?.ValidationPassed == true)
            {
                break;
            }

            if (round == lastRound)
            {
                return DesignStatus.RevisionRequired;
            }

            round++;
        }

        await StepAsync(AgentRole.Recommender, round, cancellationToken);
        await StepAsync(AgentRole.Terraform, round, cancellationToken);
        _reviewRound = round;
        await CheckTerraformAsync(cancellationToken);
        return DesignStatus.Completed;
    }

    private async Task CheckTerraformAsync(CancellationToken cancellationToken)
    {
        for (var check = 1; ; check++)
        {
            var verdict = (await StepAsync(AgentRole.TerraformCheck, check, cancellationToken)).Result.TerraformCheck;
            if (verdict?.Result != TerraformCheckResult.NeedsFixes || check > TerraformCorrections)
            {
                return;
            }

            await StepAsync(AgentRole.TerraformCorrector, check, cancellationToken);
        }
    }

    /// <summary>The Terraform a check round judges: the coder's, or the previous round's correction.</summary>
    private string? TerraformFor(int check) => check == 1
        ? Result(AgentRole.Terraform, _reviewRound)?.Text
        : Result(AgentRole.TerraformCorrector, check - 1)?.Text;

    private Task<StepRecord> StepAsync(AgentRole role, int round, CancellationToken cancellationToken) =>
        state.Steps.TryGetValue(StepId(role, round), out var done)
            ? Task.FromResult(done)
            : runStep(role, round, Context(role, round), cancellationToken);

    private AgentContext Context(AgentRole role, int round)
    {
        var request = state.Request!;
        var reviewed = role == AgentRole.Architect ? round - 1 : round;
        var context = new AgentContext
        {
            Requirements = Requirements(UntrustedMaterial.Compose(request.Requirements, state.Documents)),
            Settings = request.Settings,
            Round = round,
            TenantId = state.Owner?.TenantId,
            DesignMarkdown = Result(AgentRole.Architect, reviewed)?.Text,
            Lessons = state.Lessons,
        };

        if (IsTerraformCheckStep(role))
        {
            return context with
            {
                DesignMarkdown = Result(AgentRole.Architect, _reviewRound)?.Text,
                Security = Result(AgentRole.Security, _reviewRound)?.Security,
                Terraform = TerraformFor(round),
                TerraformCheck = role == AgentRole.TerraformCorrector
                    ? Result(AgentRole.TerraformCheck, round)?.TerraformCheck
                    : null,
            };
        }

        return role switch
        {
            AgentRole.Architect => context with { Validation = Result(AgentRole.Validator, round - 1)?.Validation },
            AgentRole.Security or AgentRole.Cost or AgentRole.Reliability => context,
            _ => context with
            {
                Security = Result(AgentRole.Security, round)?.Security,
                Cost = Result(AgentRole.Cost, round)?.Cost,
                Reliability = Result(AgentRole.Reliability, round)?.Reliability,
                Validation = role == AgentRole.Validator ? null : Result(AgentRole.Validator, round)?.Validation,
                CustomReviews = role == AgentRole.Validator ? CustomReviewStep.Reports(state, round) : [],
            },
        };
    }

    /// <summary>The requirements every agent sees: the user's text, refined by the answers to any questions.</summary>
    private string Requirements(string text)
    {
        if (state.Answers.Count == 0)
        {
            return text;
        }

        var clarifications = state.Questions.Zip(state.Answers, (q, a) => $"- Q: {q}\n  A: {a}");
        return $"{text}\n\nClarifications from the user:\n{string.Join('\n', clarifications)}";
    }

    private Agents.AgentOutcome? Result(AgentRole role, int round) =>
        state.Steps.TryGetValue(StepId(role, round), out var record) ? record.Result : null;
}
