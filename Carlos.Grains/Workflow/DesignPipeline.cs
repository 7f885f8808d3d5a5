using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Carlos.Grains.Documents;
using Carlos.Grains.Model;

namespace Carlos.Grains.Workflow;

/// <summary>
/// The order of a design's steps: architect; the review stage (security, cost and reliability in parallel);
/// validator; on failure the architect revises and the reviews run again, up to the configured rounds; then
/// recommender and Terraform, and the Terraform check. While the check finds errors, the corrector fixes them and
/// the check runs again, up to <see cref="TerraformCorrections"/> times (<c>terraform_check.1</c>,
/// <c>terraform_corrector.1</c>, <c>terraform_check.2</c> ...). With the rival, the lead and rival designs each run
/// their own architect, review stage and validator side by side, the recommender chooses between them, and the
/// Terraform follows the choice (see <c>DesignPipeline.Rival.cs</c>). A step already recorded in the state is not
/// run again.
/// </summary>
internal sealed partial class DesignPipeline(
    DesignWorkflowState state,
    int revisionRounds,
    Func<StepKey, AgentContext, CancellationToken, Task<StepRecord>> runStep,
    RivalOptions? rivalOptions = null)
{
    /// <summary>How many times the corrector may fix the Terraform before the design ends with the findings.</summary>
    public const int TerraformCorrections = 2;

    /// <summary>The design the Terraform is built from: its candidate (null without the rival) and its last round.</summary>
    private (DesignCandidate? Candidate, int Round) _built = (null, 1);

    public static string StepId(AgentRole role, int round) => new StepKey(role, round).Id;

    /// <summary>True for the steps after the reviews, whose round counts check rounds, not review rounds.</summary>
    public static bool IsTerraformCheckStep(AgentRole role) =>
        role is AgentRole.TerraformCheck or AgentRole.TerraformCorrector;

    public async Task<DesignStatus> RunAsync(CancellationToken cancellationToken)
    {
        if (state.Request!.AllowQuestions && state.Answers.Count == 0)
        {
            var clarifier = await StepAsync(new(AgentRole.Clarifier, 1), cancellationToken);
            if (clarifier.Result.Clarification is { NeedsAnswers: true, Questions.Count: > 0 })
            {
                return DesignStatus.AwaitingAnswers;
            }
        }

        if (state.Request.Rival)
        {
            return await RunWithRivalAsync(cancellationToken);
        }

        var (passed, round) = await DesignAsync(null, cancellationToken);
        if (!passed)
        {
            return DesignStatus.RevisionRequired;
        }

        await StepAsync(new(AgentRole.Recommender, round), cancellationToken);
        await BuildAsync(null, round, cancellationToken);
        return DesignStatus.Completed;
    }

    /// <summary>One design's rounds: architect, review stage and validator, revised until it passes or rounds run out.</summary>
    private async Task<(bool Passed, int Round)> DesignAsync(
        DesignCandidate? candidate, CancellationToken cancellationToken)
    {
        var lastRound = revisionRounds + 1;
        for (var round = 1; ; round++)
        {
            await StepAsync(StepKey.Of(AgentRole.Architect, round, candidate), cancellationToken);
            await ReviewAsync(candidate, round, cancellationToken);
            var verdict = await StepAsync(StepKey.Of(AgentRole.Validator, round, candidate), cancellationToken);
            if (verdict.Result.Validation?.ValidationPassed == true)
            {
                return (true, round);
            }

            if (round == lastRound)
            {
                return (false, round);
            }
        }
    }

    /// <summary>
    /// The review stage of one design in one round: the three analysts in parallel, then the tenant's custom
    /// reviewers the request named.
    /// </summary>
    private async Task ReviewAsync(DesignCandidate? candidate, int round, CancellationToken cancellationToken)
    {
        await Task.WhenAll(
            StepAsync(StepKey.Of(AgentRole.Security, round, candidate), cancellationToken),
            StepAsync(StepKey.Of(AgentRole.Cost, round, candidate), cancellationToken),
            StepAsync(StepKey.Of(AgentRole.Reliability, round, candidate), cancellationToken));
        await new CustomReviewStep(state, runStep).RunAsync(
            candidate, round, Context(StepKey.Of(AgentRole.Custom, round, candidate)), cancellationToken);
    }

    /// <summary>The Terraform of one design, then its check and corrections.</summary>
    private async Task BuildAsync(DesignCandidate? candidate, int round, CancellationToken cancellationToken)
    {
        _built = (candidate, round);
        await StepAsync(TerraformKey(), cancellationToken);
        for (var check = 1; ; check++)
        {
            var verdict = (await StepAsync(StepKey.Of(AgentRole.TerraformCheck, check, candidate), cancellationToken))
                .Result.TerraformCheck;
            if (verdict?.Result != TerraformCheckResult.NeedsFixes || check > TerraformCorrections)
            {
                return;
            }

            await StepAsync(StepKey.Of(AgentRole.TerraformCorrector, check, candidate), cancellationToken);
        }
    }

    /// <summary>The coder's step: <c>terraform.{round}</c> without the rival, <c>terraform.{candidate}</c> with it.</summary>
    private StepKey TerraformKey() => _built.Candidate is { } candidate
        ? StepKey.Of(AgentRole.Terraform, 1, candidate)
        : new StepKey(AgentRole.Terraform, _built.Round);

    /// <summary>The Terraform a check round judges: the coder's, or the previous round's correction.</summary>
    private string? TerraformFor(int check) => check == 1
        ? Result(TerraformKey())?.Text
        : Result(StepKey.Of(AgentRole.TerraformCorrector, check - 1, _built.Candidate))?.Text;

    private Task<StepRecord> StepAsync(StepKey key, CancellationToken cancellationToken) =>
        state.Steps.TryGetValue(key.Id, out var done)
            ? Task.FromResult(done)
            : runStep(key, Context(key), cancellationToken);

    private AgentContext Context(StepKey key)
    {
        var request = state.Request!;
        var role = key.Role;
        var built = role is AgentRole.Terraform || IsTerraformCheckStep(role);
        var (candidate, round) = built ? _built : (key.Candidate, key.Round);
        var reviewed = role == AgentRole.Architect ? round - 1 : round;
        var context = new AgentContext
        {
            Requirements = Requirements(UntrustedMaterial.Compose(request.Requirements, state.Documents)),
            Settings = request.Settings,
            Round = round,
            TenantId = state.Owner?.TenantId,
            DesignMarkdown = Result(AgentRole.Architect, reviewed, candidate)?.Text,
            Candidate = candidate,
            Lessons = state.Lessons,
        };

        if (IsTerraformCheckStep(role))
        {
            return context with
            {
                Round = key.Round,
                Security = Result(AgentRole.Security, round, candidate)?.Security,
                Terraform = TerraformFor(key.Round),
                TerraformCheck = role == AgentRole.TerraformCorrector
                    ? Result(StepKey.Of(AgentRole.TerraformCheck, key.Round, candidate))?.TerraformCheck
                    : null,
            };
        }

        if (role == AgentRole.Recommender && key.Scope == StepKey.ChoiceScope)
        {
            return context with { Candidates = [Review(DesignCandidate.Lead), Review(DesignCandidate.Rival)] };
        }

        return role switch
        {
            AgentRole.Architect => context with
            {
                Validation = Result(AgentRole.Validator, round - 1, candidate)?.Validation,
                Temperature = ArchitectTemperature(candidate),
            },
            AgentRole.Security or AgentRole.Cost or AgentRole.Reliability => context,
            _ => context with
            {
                Security = Result(AgentRole.Security, round, candidate)?.Security,
                Cost = Result(AgentRole.Cost, round, candidate)?.Cost,
                Reliability = Result(AgentRole.Reliability, round, candidate)?.Reliability,
                Validation = role == AgentRole.Validator ? null : Result(AgentRole.Validator, round, candidate)?.Validation,
                CustomReviews = role == AgentRole.Validator ? CustomReviewStep.Reports(state, round, candidate) : [],
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

    private Agents.AgentOutcome? Result(AgentRole role, int round, DesignCandidate? candidate) =>
        Result(StepKey.Of(role, round, candidate));

    private Agents.AgentOutcome? Result(StepKey key) =>
        state.Steps.TryGetValue(key.Id, out var record) ? record.Result : null;
}
