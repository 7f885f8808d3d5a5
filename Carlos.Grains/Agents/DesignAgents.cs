using System.Text;
using System.Text.Json;
using Carlos.Contracts.Reports;
using Carlos.Contracts.Serialization;
using Carlos.Grains.Model;
using Carlos.Grains.Terraform;

namespace Carlos.Grains.Agents;

/// <summary>
/// Runs one agent step against the model: builds the prompt, streams the answer's text to the caller as it comes,
/// and turns the answer into the step's outcome. A reviewer's JSON that does not parse is asked for again once, with
/// the error shown; a second failure keeps the text and marks the step degraded.
/// </summary>
internal sealed class DesignAgents(IChatModel model, CostEstimator costs, TerraformCheck terraformCheck)
{
    public string ModelName => model.Name;

    public async Task<AgentOutcome> RunAsync(
        AgentRole role, AgentContext context, Action<string> onText, CancellationToken cancellationToken)
    {
        if (role == AgentRole.TerraformCheck)
        {
            return await CheckAsync(context, onText, cancellationToken);
        }

        var instructions = AgentInstructions.For(role);
        var prompt = PromptBuilder.Build(role, context);
        var outputType = OutputType(role);
        var (text, usage) = await CallAsync(new(role, instructions, prompt, context, outputType), onText, cancellationToken);
        if (outputType is null)
        {
            var answer = role == AgentRole.TerraformCorrector ? WithoutFence(text) : text;
            return new AgentOutcome { Text = answer, Usage = usage };
        }

        if (TryParse(role, text, out var outcome, out var error))
        {
            return outcome with { Usage = usage };
        }

        var repair = $"{prompt}\n\n# Your previous answer was not valid\n{error}\nAnswer again with JSON only.";
        var (second, more) = await CallAsync(new(role, instructions, repair, context, outputType), onText, cancellationToken);
        usage = usage.Add(more);
        if (TryParse(role, second, out outcome, out error))
        {
            return outcome with { Usage = usage };
        }

        return Degraded(role, second, error, usage);
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

    private async Task<(string Text, TokenUsage Usage)> CallAsync(
        ModelRequest request, Action<string> onText, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var usage = TokenUsage.Zero;
        await foreach (var chunk in model.StreamAsync(request, cancellationToken))
        {
            if (chunk.Text is { Length: > 0 } piece)
            {
                text.Append(piece);
                onText(piece);
            }

            if (chunk.Usage is { } reported)
            {
                usage = usage.Add(reported);
            }
        }

        return (text.ToString(), usage);
    }

    private static Type? OutputType(AgentRole role) => role switch
    {
        AgentRole.Security => typeof(SecurityReport),
        AgentRole.Cost => typeof(CostAnalysisDraft),
        AgentRole.Reliability => typeof(ReliabilityReport),
        AgentRole.Validator => typeof(ValidationVerdict),
        _ => null,
    };

    private bool TryParse(AgentRole role, string text, out AgentOutcome outcome, out string error)
    {
        outcome = null!;
        error = "";
        try
        {
            var json = text.Trim();
            outcome = role switch
            {
                AgentRole.Security => Security(Deserialize<SecurityReport>(json)),
                AgentRole.Cost => Cost(Deserialize<CostAnalysisDraft>(json)),
                AgentRole.Reliability => Reliability(Deserialize<ReliabilityReport>(json)),
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
        JsonSerializer.Deserialize<T>(json, CarlosJson.Options) ?? throw new JsonException("The answer was null.");

    private static AgentOutcome Security(SecurityReport r) =>
        new() { Text = ReportMarkdown.Security(r), Security = r, Usage = TokenUsage.Zero };

    private AgentOutcome Cost(CostAnalysisDraft draft)
    {
        var report = costs.Estimate(draft);
        return new() { Text = ReportMarkdown.Cost(report), Cost = report, Usage = TokenUsage.Zero };
    }

    private static AgentOutcome Reliability(ReliabilityReport r) =>
        new() { Text = ReportMarkdown.Reliability(r), Reliability = r, Usage = TokenUsage.Zero };

    private static AgentOutcome Validation(ValidationVerdict v) =>
        new() { Text = ReportMarkdown.Validation(v), Validation = v, Usage = TokenUsage.Zero };

    private static AgentOutcome Degraded(AgentRole role, string text, string error, TokenUsage usage)
    {
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
        };
    }
}
