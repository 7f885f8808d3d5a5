namespace Carlos.Grains.Documents;

/// <summary>The stored bytes of one chunk of an uploaded file.</summary>
[GenerateSerializer]
[Alias("Carlos.DocumentChunk")]
public sealed class DocumentChunk
{
    [Id(0)] public byte[] Data { get; set; } = [];
}
