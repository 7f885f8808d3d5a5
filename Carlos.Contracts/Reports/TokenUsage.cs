namespace Carlos.Contracts.Reports;

/// <summary>Model tokens spent, as the model reported them.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.TokenUsage")]
public sealed record TokenUsage([property: Id(0)] long PromptTokens, [property: Id(1)] long CompletionTokens)
{
    public static TokenUsage Zero { get; } = new(0, 0);

    public long TotalTokens => PromptTokens + CompletionTokens;

    public TokenUsage Add(TokenUsage other) =>
        new(PromptTokens + other.PromptTokens, CompletionTokens + other.CompletionTokens);
}
