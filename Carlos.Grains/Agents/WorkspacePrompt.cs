using System.Text;
using System.Text.Json;
using Carlos.Contracts.Serialization;
using Carlos.Grains.Model;

namespace Carlos.Grains.Agents;

/// <summary>The parts of a prompt that come from the tenant's workspace: a custom agent's brief, its reviews, lessons.</summary>
internal static class WorkspacePrompt
{
    public static void Append(StringBuilder text, AgentRole role, AgentContext context)
    {
        if (role == AgentRole.Custom && context.CustomAgent is { } agent)
        {
            text.AppendLine();
            text.AppendLine("# Your reviewer brief");
            text.AppendLine($"Name: {agent.Name}");
            text.AppendLine($"Focus: {agent.Focus}");
            text.AppendLine("Instructions:");
            text.AppendLine(agent.Instructions);
        }

        if (role == AgentRole.Validator && context.CustomReviews.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("# Custom reviews (weigh their findings like the other reviews)");
            text.AppendLine(JsonSerializer.Serialize(context.CustomReviews, CarlosJson.Options));
        }

        if (role is AgentRole.Architect or AgentRole.Validator && context.Lessons.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("# Lessons from this organisation's earlier deployments (act on them)");
            foreach (var lesson in context.Lessons)
            {
                text.AppendLine($"- [{lesson.Id}] {lesson.Summary}");
            }
        }
    }
}
