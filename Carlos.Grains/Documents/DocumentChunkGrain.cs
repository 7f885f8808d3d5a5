using Carlos.Grains.Hosting;

namespace Carlos.Grains.Documents;

/// <inheritdoc cref="IDocumentChunkGrain"/>
internal sealed class DocumentChunkGrain(
    [PersistentState("chunk", StorageNames.Default)] IPersistentState<DocumentChunk> chunk)
    : Grain, IDocumentChunkGrain
{
    public static string Key(Guid documentId, int index) => $"{documentId:N}/{index}";

    public async Task WriteAsync(byte[] data)
    {
        chunk.State.Data = data;
        await chunk.WriteStateAsync();

        // Nobody reads a chunk until extraction, often on another silo: do not keep a megabyte in memory meanwhile.
        DeactivateOnIdle();
    }

    public Task<byte[]> ReadAsync()
    {
        DeactivateOnIdle();
        return Task.FromResult(chunk.State.Data);
    }

    public async Task<bool> ClearAsync()
    {
        var existed = chunk.RecordExists;
        if (existed)
        {
            await chunk.ClearStateAsync();
        }

        DeactivateOnIdle();
        return existed;
    }
}
