using System.Text;
using System.Text.Json;
using Carlos.Contracts.Reports;
using Carlos.Contracts.Serialization;
using Carlos.Grains.Diagnostics;
using Carlos.Grains.Model;
using Carlos.Grains.Terraform;

namespace Carlos.Grains.Agents;

/// <summary>
/// Runs one agent step against the model: builds the prompt, streams the answer's text to the caller as it comes,
/// and turns the answer into the step's outcome. A reviewer's JSON that does not parse or does not match its schema
/// is asked for again once, with the error shown; a second failure keeps the text and marks the step degraded.
/// When a fallback model is given and the model is unavailable, the fallback answers and the step is degraded.
/// </summary>
internal sealed class DesignAgents(
    IChatModel model, CostEstimator costs, TerraformCheck terraformCheck, ModelMetrics? metrics = null,
    IChatModel? fallback = null)
{
    // Every property of an output record must be present (strict structured outputs send nulls explicitly).
    private static readonly JsonSerializerOptions StrictOptions = new(CarlosJson.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public string ModelName => model.Name;

    public Task<AgentOutcome> RunAsync(
        AgentRole role, AgentContext context, Action<string> onText, CancellationToken cancellationToken) =>
        RunAsync(role, context, onText, _ => { }, cancellationToken);

    /// <summary>
    /// Runs a step; <paramref name="onRestart"/> hears, with a reason, when the text streamed so far is void and the
    /// answer starts again (a retried call, or the fallback model taking over).
    /// </summary>
    public async Task<AgentOutcome> RunAsync(AgentRole role, AgentContext context, Action<string> onText,
        Action<string> onRestart, CancellationToken cancellationToken)
    {
        var streamed = false;
        var spent = new Spent();
        void OnText(string text)
        {
            streamed = true;
            onText(text);
        }

        try
        {
            return await RunWithAsync(model, role, context, OnText, onRestart, spent, cancellationToken);
        }
        catch (ModelUnavailableException unavailable) when (fallback is not null)
        {
            if (streamed)
            {
                onRestart("the model became unavailable, so the built-in model answers instead");
            }

            // The usage includes what the unavailable model had spent before it gave up.
            var outcome = await RunWithAsync(fallback, role, context, onText, onRestart, spent, cancellationToken);
            metrics?.StepDegraded(role, "fallback");
            var reason = $"{unavailable.Message} The built-in model answered instead.";
            return outcome with
            {
                Degraded = true,
                DegradedReason = outcome.DegradedReason is { } earlier ? $"{reason} {earlier}" : reason,
            };
        }
    }

    private async Task<AgentOutcome> RunWithAsync(IChatModel chat, AgentRole role, AgentContext context,
        Action<string> onText, Action<string> onRestart, Spent spent,
        CancellationToken cancellationToken)
    {
        if (role == AgentRole.TerraformCheck)
        {
            return await CheckAsync(context, onText, cancellationToken);
        }

        var instructions = AgentInstructions.For(role, context);
        var prompt = PromptBuilder.Build(role, context);
        var outputType = OutputType(role, context);
        var text = await CallAsync(chat, new(role, instructions, prompt, context, outputType)
            { Temperature = context.Temperature }, onText, onRestart, spent, cancellationToken);
        if (outputType is null)
        {
            var answer = role == AgentRole.TerraformCorrector ? WithoutFence(text) : text;
            return new AgentOutcome { Text = answer, Usage = spent.Total };
        }

        if (TryParse(role, context, text, out var outcome, out var error))
        {
            return outcome with { Usage = spent.Total };
        }

        var repair = $"{prompt}\n\n# Your previous answer was not valid\n{error}\nAnswer again with JSON only.";
        var second = await CallAsync(chat, new(role, instructions, repair, context, outputType)
            { Temperature = context.Temperature }, onText, onRestart, spent, cancellationToken);
        if (TryParse(role, context, second, out outcome, out error))
        {
            return outcome with { Usage = spent.Total };
        }

        metrics?.StepDegraded(role, "invalid_output");
        return Degraded(role, context, second, error, spent.Total);
    }

    /// <summary>
    /// The check is CPU work on the whole Terraform, so it runs on the thread pool, not the grain's scheduler; the
    /// text is reported once it is back on the caller's context.
    /// </summary>
    private async Task<AgentOutcome> CheckAsync(
        AgentContext context, Action<string> onText, CancellationToken cancellationToken)
    {
        var verdict = await Task.Run(() => terraformCheck.Check(context.Terraform ?? "", context.Security),
            cancellationToken);
        var text = TerraformVerdictMarkdown.Render(verdict);
        onText(text);
        return new AgentOutcome { Text = text, TerraformCheck = verdict, Usage = TokenUsage.Zero };
    }

    /// <summary>A model may wrap its corrected Terraform in a Markdown code fence, which is not Terraform.</summary>
    private static string WithoutFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal) || !trimmed.EndsWith("```", StringComparison.Ordinal))
        {
            return text;
        }

        var body = trimmed[(trimmed.IndexOf('\n', StringComparison.Ordinal) + 1)..^3];
        return body.TrimEnd() + "\n";
    }

    /// <summary>Streams one call's text to the caller and adds the usage it reports to the step's tally.</summary>
    private static async Task<string> CallAsync(IChatModel chat, ModelRequest request, Action<string> onText,
        Action<string> onRestart, Spent spent, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        using var call = Carlos.Telemetry.CarlosTracing.StartModelCall(chat.Name, CarlosJson.WireName(request.Role));
        await foreach (var chunk in chat.StreamAsync(request, cancellationToken))
        {
            if (chunk.RestartReason is { } reason)
            {
                text.Clear();
                onRestart(reason);
            }

            if (chunk.Text is { Length: > 0 } piece)
            {
                text.Append(piece);
                onText(piece);
            }

            if (chunk.Usage is { } reported)
            {
                spent.Total = spent.Total.Add(reported);
            }
        }

        return text.ToString();
    }

    /// <summary>The record a role answers with, or null for roles that answer in Markdown or Terraform.</summary>
    public static Type? OutputType(AgentRole role) => role switch
    {
        AgentRole.Security => typeof(SecurityReport),
        AgentRole.Cost => typeof(CostAnalysisDraft),
        AgentRole.Reliability => typeof(ReliabilityReport),
        AgentRole.Validator => typeof(ValidationVerdict),
        AgentRole.Clarifier => typeof(ClarificationDraft),
        AgentRole.Custom => typeof(CustomReviewDraft),
        _ => null,
    };

    /// <summary>The record a step answers with: a recommender choosing between two designs answers a choice.</summary>
    public static Type? OutputType(AgentRole role, AgentContext context) =>
        role == AgentRole.Recommender && context.Candidates is not null ? typeof(ChoiceDraft) : OutputType(role);

    private bool TryParse(AgentRole role, AgentContext context, string text, out AgentOutcome outcome, out string error)
    {
        outcome = null!;
        error = "";
        try
        {
            var json = text.Trim();
            outcome = role switch
            {
                AgentRole.Recommender => Choice(Deserialize<ChoiceDraft>(json), context.Candidates!),
                AgentRole.Security => Security(Deserialize<SecurityReport>(json)),
                AgentRole.Cost => Cost(Deserialize<CostAnalysisDraft>(json)),
                AgentRole.Reliability => Reliability(Deserialize<ReliabilityReport>(json)),
                AgentRole.Clarifier => Clarification(Deserialize<ClarificationDraft>(json)),
                AgentRole.Custom => CustomReviewDraft.Outcome(Deserialize<CustomReviewDraft>(json), context),
                _ => Validation(Deserialize<ValidationVerdict>(json)),
            };
            return true;
        }
        catch (JsonException ex)
        {
            error = $"JSON error at {ex.Path ?? "$"}: {ex.Message}";
            return false;
        }
    }

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, StrictOptions) ?? throw new JsonException("The answer was null.");

    private static AgentOutcome Security(SecurityReport r) =>
        new() { Text = ReportMarkdown.Security(r), Security = r, Usage = TokenUsage.Zero };

    private AgentOutcome Cost(CostAnalysisDraft draft)
    {
        var report = costs.Estimate(draft);
        return new() { Text = ReportMarkdown.Cost(report), Cost = report, Usage = TokenUsage.Zero };
    }

    private static AgentOutcome Reliability(ReliabilityReport r) =>
        new() { Text = ReportMarkdown.Reliability(r), Reliability = r, Usage = TokenUsage.Zero };

    private static AgentOutcome Clarification(ClarificationDraft c) => new()
    {
        Text = c.NeedsAnswers ? string.Join('\n', c.Questions.Select(q => $"- {q}")) : "The requirements are clear enough.",
        Clarification = c with { Questions = c.Questions.Take(ClarificationDraft.MaxQuestions).ToList() },
        Usage = TokenUsage.Zero,
    };

    private static AgentOutcome Choice(ChoiceDraft draft, IReadOnlyList<CandidateReview> candidates)
    {
        var kept = ChoiceRules.Enforce(draft, candidates);
        var choice = new Contracts.Designs.DesignChoice
        {
            Chosen = kept.Chosen, Recommended = kept.Chosen, Reasons = kept.Reasons, TradeOffs = kept.TradeOffs,
        };
        return new() { Text = ReportMarkdown.Choice(choice, kept.Summary), Choice = choice, Usage = TokenUsage.Zero };
    }

    private static AgentOutcome Validation(ValidationVerdict v) =>
        new() { Text = ReportMarkdown.Validation(v), Validation = v, Usage = TokenUsage.Zero };

    private static AgentOutcome Degraded(
        AgentRole role, AgentContext context, string text, string error, TokenUsage usage)
    {
        if (role == AgentRole.Recommender && context.Candidates is not null)
        {
            return DegradedChoice(context, text, error, usage);
        }

        // A validator whose verdict cannot be read must not let the design through.
        var verdict = role == AgentRole.Validator
            ? new ValidationVerdict(false, ValidationSeverity.Error,
                [new(ValidationIssueType.Completeness, ValidationSeverity.Error,
                    "The validator's answer could not be read.", "Run the design again.")],
                "The verdict could not be read, so the design does not pass.")
            : null;
        return new AgentOutcome
        {
            Text = text, Validation = verdict, Usage = usage, Degraded = true, DegradedReason = error,
            CustomReview = role == AgentRole.Custom ? CustomReviewDraft.Unreadable(context) : null,
        };
    }

    /// <summary>
    /// A recommender whose choice cannot be read still leaves a design to build: the choice then follows from the
    /// reviews by Carlos's own rules, and says so.
    /// </summary>
    private static AgentOutcome DegradedChoice(AgentContext context, string text, string error, TokenUsage usage)
    {
        var ruled = ChoiceRules.Choose(context);
        var choice = new Contracts.Designs.DesignChoice
        {
            Chosen = ruled.Chosen, Recommended = ruled.Chosen, TradeOffs = ruled.TradeOffs,
            Reasons = ["The recommender's answer could not be read, so the choice follows from the reviews by rule.",
                .. ruled.Reasons],
        };
        return new AgentOutcome
        {
            Text = text, Choice = choice, Usage = usage, Degraded = true, DegradedReason = error,
        };
    }

    /// <summary>The tokens a step has spent so far, across its calls and models.</summary>
    private sealed class Spent
    {
        public TokenUsage Total { get; set; } = TokenUsage.Zero;
    }
}
