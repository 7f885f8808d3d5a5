namespace Carlos.Contracts.Documents;

/// <summary>
/// A document as <c>GET /v1/documents/{id}</c> returns it. Lists and status events leave <see cref="Text"/> out.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.DocumentSnapshot")]
public sealed record DocumentSnapshot
{
    [Id(0)] public required Guid Id { get; init; }

    [Id(1)] public required DocumentStatus Status { get; init; }

    /// <summary>The uploaded file's name without any path or control characters.</summary>
    [Id(2)] public required string FileName { get; init; }

    [Id(3)] public required DocumentKind Kind { get; init; }

    [Id(4)] public required long SizeBytes { get; init; }

    /// <summary>Pages of a PDF; null for other kinds and before extraction.</summary>
    [Id(5)] public int? Pages { get; init; }

    /// <summary>Characters of extracted text, after any truncation.</summary>
    [Id(6)] public int? Characters { get; init; }

    /// <summary>True when the text was cut at the configured length; the text ends with a note saying so.</summary>
    [Id(7)] public bool Truncated { get; init; }

    /// <summary>The extracted text, for <see cref="DocumentStatus.Completed"/> when asked for.</summary>
    [Id(8)] public string? Text { get; init; }

    /// <summary>Why the document failed, in words a person can act on.</summary>
    [Id(9)] public string? Error { get; init; }

    /// <summary>Grows by one with every status change; event streams use it as the event id.</summary>
    [Id(10)] public required long Version { get; init; }

    [Id(11)] public required DateTimeOffset CreatedAt { get; init; }

    [Id(12)] public required DateTimeOffset UpdatedAt { get; init; }

    [Id(13)] public DateTimeOffset? CompletedAt { get; init; }
}
