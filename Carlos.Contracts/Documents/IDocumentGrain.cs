using Carlos.Contracts.Identity;
using Orleans.Concurrency;

namespace Carlos.Contracts.Documents;

/// <summary>
/// One uploaded document, keyed by its id. The gateway streams the file in with <see cref="BeginUploadAsync"/>,
/// <see cref="AppendChunkAsync"/> and <see cref="CompleteUploadAsync"/>; extraction then runs in the grain's
/// background, so no call here waits on it. Every method checks that <c>caller</c> may see the document; a document
/// the caller may not see behaves as one that does not exist.
/// </summary>
[Alias("Carlos.IDocumentGrain")]
public interface IDocumentGrain : IGrainWithGuidKey
{
    /// <summary>The most bytes one <see cref="AppendChunkAsync"/> call carries.</summary>
    public const int ChunkBytes = 1024 * 1024;

    /// <summary>Creates the document; false when this id is already taken.</summary>
    [Alias("BeginUpload")]
    Task<bool> BeginUploadAsync(Caller caller, string fileName, DocumentKind kind);

    /// <summary>
    /// Stores chunk <paramref name="index"/> (0, 1, 2, ... in order); false if out of order or too large.
    /// </summary>
    [Alias("AppendChunk")]
    Task<bool> AppendChunkAsync(Caller caller, int index, byte[] data);

    /// <summary>
    /// Marks the file stored and starts extraction; null when the upload is not the caller's or incomplete.
    /// </summary>
    [Alias("CompleteUpload")]
    Task<DocumentSnapshot?> CompleteUploadAsync(Caller caller, long sizeBytes);

    /// <summary>Drops an upload that did not complete, and every chunk stored for it.</summary>
    [Alias("AbandonUpload")]
    Task AbandonUploadAsync(Caller caller);

    [Alias("Get")]
    Task<DocumentSnapshot?> GetAsync(Caller caller, bool includeText);

    /// <summary>
    /// Answers as soon as the document's <see cref="DocumentSnapshot.Version"/> is above
    /// <paramref name="afterVersion"/>, or after <paramref name="maxWait"/> with the current state. Interleaves with
    /// other calls, so waiting blocks nothing; the answer never carries the text.
    /// </summary>
    [Alias("WaitForChange"), AlwaysInterleave]
    Task<DocumentSnapshot?> WaitForChangeAsync(Caller caller, long afterVersion, TimeSpan maxWait);

    /// <summary>Removes the document, its text and its stored bytes; false when there is none for the caller.</summary>
    [Alias("Delete")]
    Task<bool> DeleteAsync(Caller caller);
}
