using Carlos.Contracts.Reports;

namespace Carlos.Grains.Model;

/// <summary>
/// A piece of a streamed answer: text as it is produced, and the usage once the model reports it. A chunk with
/// <see cref="RestartReason"/> says the answer starts again from nothing (a retried call after a dropped stream):
/// the text so far is void.
/// </summary>
public readonly record struct ModelChunk(string? Text, TokenUsage? Usage)
{
    /// <summary>Why the text streamed so far is void and the answer starts again, if it does.</summary>
    public string? RestartReason { get; init; }

    public static ModelChunk Restart(string reason) => new(null, null) { RestartReason = reason };
}
