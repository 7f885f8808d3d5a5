using System.Collections.Frozen;
using Carlos.Contracts.Serialization;
using Carlos.Grains.Model;

namespace Carlos.Grains.Agents;

/// <summary>Each role's instructions, from its own Markdown file under <c>Agents/Instructions</c>.</summary>
internal static class AgentInstructions
{
    // The Terraform check is Carlos's own code, not a model step, so it has no instructions.
    private static readonly FrozenDictionary<AgentRole, string> ByRole = Enum.GetValues<AgentRole>()
        .Where(role => role != AgentRole.TerraformCheck)
        .ToFrozenDictionary(role => role, Load);

    public static string For(AgentRole role) => ByRole[role];

    private static string Load(AgentRole role)
    {
        var resource = $"Carlos.Instructions.{CarlosJson.WireName(role)}.md";
        using var stream = typeof(AgentInstructions).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The instructions {resource} are missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
