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

    /// <summary>
    /// A step's instructions: the rival architect's add its emphasis to the architect's, and a recommender that
    /// chooses between two designs has its own.
    /// </summary>
    public static string For(AgentRole role, AgentContext context) => role switch
    {
        AgentRole.Architect when context.Candidate == Contracts.Designs.DesignCandidate.Rival =>
            $"{ByRole[role]}\n{RivalArchitect.Value}",
        AgentRole.Recommender when context.Candidates is not null => Chooser.Value,
        _ => ByRole[role],
    };

    private static readonly Lazy<string> RivalArchitect = new(() => Load("rival_architect"));

    private static readonly Lazy<string> Chooser = new(() => Load("recommender_choice"));

    private static string Load(AgentRole role) => Load(CarlosJson.WireName(role));

    private static string Load(string name)
    {
        var resource = $"Carlos.Instructions.{name}.md";
        using var stream = typeof(AgentInstructions).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The instructions {resource} are missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
