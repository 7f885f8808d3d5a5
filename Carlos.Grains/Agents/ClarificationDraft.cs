namespace Carlos.Grains.Agents;

/// <summary>The clarifier's answer: whether the requirements need answers first, and which questions to ask.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.ClarificationDraft")]
public sealed record ClarificationDraft(
    [property: Id(0)] bool NeedsAnswers,
    [property: Id(1)] IReadOnlyList<string> Questions)
{
    public const int MaxQuestions = 5;
}
