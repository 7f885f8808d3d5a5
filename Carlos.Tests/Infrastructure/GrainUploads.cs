using Carlos.Contracts.Documents;
using Carlos.Contracts.Identity;

namespace Carlos.Tests.Infrastructure;

/// <summary>Uploads a file straight through grain calls, as the gateway does, and waits for the outcome.</summary>
internal static class GrainUploads
{
    public static async Task<DocumentSnapshot> UploadAndWaitAsync(
        IGrainFactory grains, Caller caller, byte[] file, string fileName)
    {
        var id = Guid.NewGuid();
        var grain = grains.GetGrain<IDocumentGrain>(id);
        var kind = DocumentTypes.Detect(file.AsSpan(0, Math.Min(file.Length, DocumentTypes.HeadBytes)), fileName)!.Value;
        Assert.True(await grain.BeginUploadAsync(caller, fileName, kind));
        for (var (offset, index) = (0, 0); offset < file.Length; offset += IDocumentGrain.ChunkBytes, index++)
        {
            var chunk = file.AsSpan(offset, Math.Min(IDocumentGrain.ChunkBytes, file.Length - offset)).ToArray();
            Assert.True(await grain.AppendChunkAsync(caller, index, chunk));
        }

        Assert.Equal(DocumentStatus.Pending, (await grain.CompleteUploadAsync(caller, file.Length))!.Status);
        return await WaitAsync(grain, caller);
    }

    public static async Task<DocumentSnapshot> WaitAsync(IDocumentGrain grain, Caller caller)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var version = 0L;
        while (true)
        {
            cancel.Token.ThrowIfCancellationRequested();
            var document = (await grain.WaitForChangeAsync(caller, version, TimeSpan.FromSeconds(5)))!;
            if (document.Status is DocumentStatus.Completed or DocumentStatus.Failed)
            {
                return (await grain.GetAsync(caller, includeText: true))!;
            }

            version = document.Version;
        }
    }
}
