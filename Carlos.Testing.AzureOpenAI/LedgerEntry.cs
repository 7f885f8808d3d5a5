namespace Carlos.Testing.AzureOpenAI;

/// <summary>What became of a request.</summary>
public enum CallOutcome
{
    /// <summary>Admitted and still being answered.</summary>
    Running = 0,
    Completed = 1,

    /// <summary>Refused with 429 by the quota.</summary>
    Throttled = 2,

    /// <summary>Refused with 400 or 401, or answered with an injected error status.</summary>
    Rejected = 3,

    /// <summary>The client went away while it was being answered.</summary>
    Aborted = 4,

    /// <summary>The server broke the stream off on purpose (fault injection).</summary>
    Dropped = 5,
}

/// <summary>
/// One request as the server saw it. <see cref="ReservedTokens"/> is what the quota window charged when the request
/// was admitted (zero if it was not); <see cref="ChargedTokens"/> what it charges now (the real usage, for a
/// provisioned deployment once the call has ended).
/// </summary>
public sealed record LedgerEntry(
    long Id,
    string Deployment,
    string? Role,
    DateTimeOffset ReceivedAt,
    int Status,
    CallOutcome Outcome,
    int PromptTokens,
    int ReservedTokens,
    int ChargedTokens,
    int CompletionTokens,
    bool Streamed,
    DateTimeOffset? FirstChunkAt = null,
    DateTimeOffset? EndedAt = null,
    string? Detail = null,
    ChatCall? Call = null)
{
    public bool Admitted => ReservedTokens > 0;
}
