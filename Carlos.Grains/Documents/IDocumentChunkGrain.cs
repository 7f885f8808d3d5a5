namespace Carlos.Grains.Documents;

/// <summary>
/// Up to <see cref="Contracts.Documents.IDocumentGrain.ChunkBytes"/> of one uploaded file, in grain storage, so that
/// any silo can read the file and no gateway's disk is needed. Internal to the silo: the document grain checks who
/// asks. Key: <c>{documentId:N}/{index}</c>.
/// </summary>
[Alias("Carlos.IDocumentChunkGrain")]
public interface IDocumentChunkGrain : IGrainWithStringKey
{
    [Alias("Write")]
    Task WriteAsync(byte[] data);

    [Alias("Read")]
    Task<byte[]> ReadAsync();

    /// <summary>Deletes the chunk; false when none was stored.</summary>
    [Alias("Clear")]
    Task<bool> ClearAsync();
}
