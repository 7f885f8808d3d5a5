namespace Carlos.Grains.Model;

/// <summary>One call to a model: the role's instructions, the prompt built from the context, and the context.</summary>
public sealed record ModelRequest(
    AgentRole Role,
    string Instructions,
    string Prompt,
    AgentContext Context,
    Type? OutputType)
{
    /// <summary>The sampling temperature to ask for; null leaves the deployment's default.</summary>
    public float? Temperature { get; init; }
}
