using Microsoft.ML.Tokenizers;

namespace Carlos.Grains.Model;

/// <summary>
/// Counts a call's prompt tokens before it is sent, with the o200k_base vocabulary of the GPT-4o family (bundled, so
/// counting needs no network). The count covers the instructions, the prompt and the output schema, plus the few
/// tokens the chat format adds per message; it is what a call reserves against a deployment's quota.
/// </summary>
public sealed class PromptTokenCounter
{
    private const int TokensPerMessage = 3;
    private const int ReplyPrimer = 3;

    private readonly Tokenizer _tokenizer = TiktokenTokenizer.CreateForEncoding("o200k_base");

    public int Count(string text) => _tokenizer.CountTokens(text);

    public int CountPrompt(string instructions, string prompt, string? schema) =>
        Count(instructions) + Count(prompt) + (schema is null ? 0 : Count(schema)) + 2 * TokensPerMessage + ReplyPrimer;
}
