using Carlos.Contracts.Documents;
using Carlos.Contracts.Identity;
using Carlos.Gateway.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Carlos.Gateway.Endpoints;

/// <summary>
/// Streams one multipart file into a document grain, a chunk at a time: the gateway holds at most one chunk of the
/// file, never the whole, and writes nothing to its disk. The type is told from the first chunk; the size limit is
/// enforced from <c>Content-Length</c> before reading and again while reading, for bodies that do not declare one.
/// </summary>
internal sealed class DocumentUpload(IGrainFactory grains, long maxUploadBytes)
{
    public const string FileField = "file";

    public async Task<IResult> RunAsync(HttpRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var bodyLimit = maxUploadBytes + DocumentUploadOptions.MultipartAllowance;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Length == 0)
        {
            return Problems.UnsupportedMedia("multipart/form-data with one file");
        }

        if (request.ContentLength > bodyLimit)
        {
            return TooLarge();
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = bodyLimit;
        }

        try
        {
            return await ReadAsync(request, contentType, caller, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (Exception ex) when (ex is BadHttpRequestException or InvalidDataException
            || (ex is IOException && !cancellationToken.IsCancellationRequested))
        {
            return Problems.Validation(FileField, "The multipart body is malformed or ended early.");
        }
    }

    private async Task<IResult> ReadAsync(
        HttpRequest request, MediaTypeHeaderValue contentType, Caller caller, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(contentType.Boundary).ToString(), request.Body);
        var (section, fileName) = await NextFileAsync(reader, cancellationToken);
        if (section is null)
        {
            return Problems.Validation(FileField, "The request has no file part; send the file as form data.");
        }

        var head = await ReadChunkAsync(section.Body, cancellationToken);
        if (head.Length == 0)
        {
            return Problems.Validation(FileField, "The file is empty.");
        }

        if (DocumentTypes.Detect(head, fileName) is not { } kind)
        {
            return Problems.UnsupportedMedia("PDF, DOCX, or UTF-8 text and Markdown files");
        }

        return await StoreAsync(reader, section.Body, head, fileName, kind, caller, cancellationToken);
    }

    private async Task<IResult> StoreAsync(MultipartReader reader, Stream file, byte[] head, string fileName,
        DocumentKind kind, Caller caller, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var grain = grains.GetGrain<IDocumentGrain>(id);
        if (!await grain.BeginUploadAsync(caller, fileName, kind))
        {
            return Problems.Conflict("A document with this id already exists.");
        }

        var completed = false;
        try
        {
            long total = 0;
            var index = 0;
            for (var chunk = head; chunk.Length > 0; chunk = await ReadChunkAsync(file, cancellationToken))
            {
                total += chunk.Length;
                if (total > maxUploadBytes)
                {
                    return TooLarge();
                }

                if (!await grain.AppendChunkAsync(caller, index++, chunk))
                {
                    return Interrupted();
                }
            }

            if ((await NextFileAsync(reader, cancellationToken)).Section is not null)
            {
                return Problems.Validation(FileField, "Send one file per upload.");
            }

            var stored = await grain.CompleteUploadAsync(caller, total);
            if (stored is null)
            {
                return Interrupted();
            }

            completed = true;
            return TypedResults.Accepted($"/v1/documents/{id}", new DocumentAccepted(id, stored.Status));
        }
        finally
        {
            if (!completed)
            {
                await grain.AbandonUploadAsync(caller);
            }
        }
    }

    private static async Task<(MultipartSection? Section, string FileName)> NextFileAsync(
        MultipartReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && disposition.IsFileDisposition())
            {
                var name = HeaderUtilities.RemoveQuotes(
                    disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
                return (section, name);
            }
        }

        return (null, "");
    }

    /// <summary>
    /// Reads one whole chunk (shorter only at the file's end); a fresh array, since the grain keeps it.
    /// </summary>
    private static async Task<byte[]> ReadChunkAsync(Stream file, CancellationToken cancellationToken)
    {
        var buffer = new byte[IDocumentGrain.ChunkBytes];
        var read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return read == buffer.Length ? buffer : buffer.AsSpan(0, read).ToArray();
    }

    private ProblemHttpResult TooLarge() =>
        TypedResults.Problem($"The file is larger than the {maxUploadBytes} bytes a document may have.",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large.",
            type: Problems.TooLargeType);

    private static ProblemHttpResult Interrupted() =>
        TypedResults.Problem("The upload was interrupted on the server; send the file again.",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Upload interrupted.",
            type: Problems.UnavailableType);
}
