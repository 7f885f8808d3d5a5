using Carlos.Contracts.Documents;
using Carlos.Contracts.Identity;

namespace Carlos.Grains.Documents;

/// <summary>What a document keeps in grain storage: who owns it, where it is, and its text once extracted.</summary>
[GenerateSerializer]
[Alias("Carlos.DocumentState")]
public sealed class DocumentState
{
    [Id(0)] public ResourceOwner? Owner { get; set; }

    [Id(1)] public string FileName { get; set; } = "";

    [Id(2)] public DocumentKind Kind { get; set; }

    [Id(3)] public DocumentStatus Status { get; set; }

    /// <summary>True once every chunk is stored; until then the document is an upload in progress.</summary>
    [Id(4)] public bool Uploaded { get; set; }

    [Id(5)] public long SizeBytes { get; set; }

    [Id(6)] public int ChunkCount { get; set; }

    [Id(7)] public int? Pages { get; set; }

    [Id(8)] public string? Text { get; set; }

    [Id(9)] public bool Truncated { get; set; }

    [Id(10)] public string? Error { get; set; }

    [Id(11)] public long Version { get; set; }

    [Id(12)] public DateTimeOffset CreatedAt { get; set; }

    [Id(13)] public DateTimeOffset UpdatedAt { get; set; }

    [Id(14)] public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>False once extraction has dropped the stored chunks, which it does whatever its outcome.</summary>
    [Id(15)] public bool ChunksStored { get; set; }
}
