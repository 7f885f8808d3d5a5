namespace Carlos.Testing.AzureOpenAI;

/// <summary>What to break in one answer. Make one with a factory method and hand it to the server's Inject.</summary>
public sealed record Fault
{
    /// <summary>Answer with this status before any quota check, and a retry-after if given (429 and 503).</summary>
    public int? Status { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    public TimeSpan FirstTokenDelay { get; init; }

    /// <summary>Stop sending after this many content chunks; the connection stays open until the client goes.</summary>
    public int? StallAfterChunks { get; init; }

    /// <summary>Abort the connection after this many content chunks (and after <see cref="DropWhen"/>).</summary>
    public int? DropAfterChunks { get; init; }

    /// <summary>Wait for this task before dropping, so that the client has surely read what was sent.</summary>
    public Task? DropWhen { get; init; }

    /// <summary>End the response cleanly after this many content chunks: no finish, usage or <c>[DONE]</c>.</summary>
    public int? EndAfterChunks { get; init; }

    /// <summary>Replace the answer's text.</summary>
    public string? Text { get; init; }

    /// <summary>Wait for this task before the last content chunk, to prove what a client saw before the end.</summary>
    public Task? HoldBeforeLastChunk { get; init; }

    public static Fault WithStatus(int status, TimeSpan? retryAfter = null) =>
        new() { Status = status, RetryAfter = retryAfter };

    public static Fault SlowFirstToken(TimeSpan delay) => new() { FirstTokenDelay = delay };

    public static Fault StallAfter(int chunks) => new() { StallAfterChunks = chunks };

    public static Fault DropAfter(int chunks, Task? when = null) => new() { DropAfterChunks = chunks, DropWhen = when };

    public static Fault EndAfter(int chunks) => new() { EndAfterChunks = chunks };

    public static Fault MalformedJson() => new() { Text = """{"overallSecurityScore": 80, "findings": [{"sever""" };

    /// <summary>Well-formed JSON that matches no Carlos output schema.</summary>
    public static Fault SchemaViolatingJson() => new() { Text = """{"unexpected": true}""" };

    public static Fault HoldLastChunkUntil(Task release) => new() { HoldBeforeLastChunk = release };
}
