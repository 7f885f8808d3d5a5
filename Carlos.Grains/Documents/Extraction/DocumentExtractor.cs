using Carlos.Contracts.Documents;
using Microsoft.Extensions.Options;

namespace Carlos.Grains.Documents.Extraction;

/// <summary>
/// Turns a stored file into text, off the grain scheduler and under a time limit, so that a hostile file can cost a
/// thread for a while but never block a silo. The file's chunks are copied to a temporary file that has no name on
/// disk (Unix) or is deleted when closed (Windows), so none is left behind whatever the outcome.
/// </summary>
internal sealed class DocumentExtractor(IOptions<DocumentOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentExtractions);

    private DocumentOptions Options => options.Value;

    /// <summary>
    /// Reads the file through <paramref name="readChunk"/> and extracts it; a failure throws a rejection.
    /// </summary>
    public async Task<ExtractedText> ExtractAsync(
        DocumentKind kind, string fileName, int chunkCount, Func<int, Task<byte[]>> readChunk,
        CancellationToken cancellationToken)
    {
        if (DocumentTypes.NameContradicts(kind, fileName))
        {
            var claimed = Describe(DocumentTypes.KindFromName(fileName)!.Value);
            throw new DocumentRejectedException(
                $"The file's name says {claimed} but its content is {Describe(kind)}; "
                + "rename it or upload the right file.");
        }

        await using var file = OpenTemporaryFile();
        for (var index = 0; index < chunkCount; index++)
        {
            await file.WriteAsync(await readChunk(index), cancellationToken);
        }

        if (file.Length == 0)
        {
            throw new DocumentRejectedException("The file is empty.");
        }

        file.Seek(0, SeekOrigin.Begin);

        // A slot is held until the result or the time limit, whichever comes first: a stuck parser cannot starve
        // the others, though it keeps its thread.
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await RunLimitedAsync(kind, file, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>
    /// A file only this process can reach. On Unix its name is removed at once, so nothing is left behind even if the
    /// process dies; on Windows it is deleted when closed.
    /// </summary>
    private FileStream OpenTemporaryFile()
    {
        var path = Path.Combine(Options.TempDirectory ?? Path.GetTempPath(), $"carlos-document-{Guid.NewGuid():N}.tmp");
        var flags = OperatingSystem.IsWindows()
            ? FileOptions.DeleteOnClose | FileOptions.Asynchronous
            : FileOptions.Asynchronous;
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, flags);
        if (!OperatingSystem.IsWindows())
        {
            File.Delete(path);
        }

        return file;
    }

    private async Task<ExtractedText> RunLimitedAsync(
        DocumentKind kind, Stream file, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(Options.ExtractionTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
        var work = Task.Run(() => Extract(kind, file, linked.Token), linked.Token);
        try
        {
            // Parsers check the token only between pages and paragraphs: stop waiting at the limit regardless.
            return await work.WaitAsync(Options.ExtractionTimeout, time, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException
            && limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            await linked.CancelAsync();

            // A parser stuck inside one page keeps its thread until it returns; nothing waits for it.
            _ = work.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted,
                TaskScheduler.Default);
            throw new DocumentRejectedException($"Extraction timed out after "
                + $"{Options.ExtractionTimeout.TotalSeconds:0.###} s; the document is too large or too complex.");
        }
    }

    private static string Describe(DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => "PDF",
        DocumentKind.Docx => "DOCX",
        DocumentKind.Markdown => "Markdown",
        _ => "text",
    };

    private ExtractedText Extract(DocumentKind kind, Stream file, CancellationToken cancellationToken) => kind switch
    {
        DocumentKind.Pdf => PdfTextExtractor.Extract(file, Options.MaxDecompressedBytes, Options.MaxTextCharacters,
            cancellationToken),
        DocumentKind.Docx => DocxTextExtractor.Extract(file, Options.MaxDecompressedBytes, Options.MaxTextCharacters,
            cancellationToken),
        _ => PlainTextExtractor.Extract(file, Options.MaxTextCharacters, cancellationToken),
    };
}
