using System.Text;
using System.Text.Json;
using Carlos.Contracts.Serialization;
using Carlos.Grains.Model;

namespace Carlos.Grains.Agents;

/// <summary>Turns a step's context into the user prompt a language model reads.</summary>
internal static class PromptBuilder
{
    public static string Build(AgentRole role, AgentContext context)
    {
        var text = new StringBuilder();
        text.AppendLine("# Requirements");
        text.AppendLine(context.Requirements);
        text.AppendLine();
        text.AppendLine("# Settings");
        text.AppendLine(JsonSerializer.Serialize(context.Settings, CarlosJson.Options));

        if (role == AgentRole.Recommender && context.Candidates is { } candidates)
        {
            AppendCandidates(text, candidates);
            return text.ToString();
        }

        if (role != AgentRole.Architect || context.Round > 1)
        {
            Section(text, role == AgentRole.Architect ? "Design to revise" : "Design", context.DesignMarkdown);
        }

        if (role is AgentRole.Validator or AgentRole.Recommender or AgentRole.Terraform or AgentRole.Custom)
        {
            Section(text, "Security review", Json(context.Security));
            Section(text, "Cost review", Json(context.Cost));
            Section(text, "Reliability review", Json(context.Reliability));
        }

        WorkspacePrompt.Append(text, role, context);

        if (role == AgentRole.TerraformCorrector)
        {
            Section(text, "Security review", Json(context.Security));
            Section(text, "Terraform to correct", context.Terraform);
            Section(text, "Findings of the Terraform check", Json(context.TerraformCheck));
        }

        if (role is AgentRole.Architect or AgentRole.Recommender)
        {
            Section(text, role == AgentRole.Architect ? "Validation issues to address" : "Validation",
                Json(context.Validation));
        }

        return text.ToString();
    }

    private static void AppendCandidates(StringBuilder text, IReadOnlyList<CandidateReview> candidates)
    {
        foreach (var candidate in candidates)
        {
            var name = candidate.Candidate == Contracts.Designs.DesignCandidate.Lead ? "Lead" : "Rival";
            Section(text, $"{name} design", candidate.DesignMarkdown);
            Section(text, $"{name} design: security review", Json(candidate.Security));
            Section(text, $"{name} design: cost review", Json(candidate.Cost));
            Section(text, $"{name} design: reliability review", Json(candidate.Reliability));
            Section(text, $"{name} design: validation", Json(candidate.Validation));
        }
    }

    private static void Section(StringBuilder text, string title, string? body)
    {
        if (body is null)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine($"# {title}");
        text.AppendLine(body);
    }

    private static string? Json<T>(T? value) where T : class =>
        value is null ? null : JsonSerializer.Serialize(value, CarlosJson.Options);
}
