using System.Text.Json;
using Carlos.Contracts.Documents;
using Carlos.Contracts.Identity;
using Carlos.Contracts.Serialization;
using Microsoft.Extensions.Options;

namespace Carlos.Gateway.Streaming;

/// <summary>
/// Serves a document's status changes as SSE: <c>id</c> is the document's version, <c>event</c> the status, and
/// <c>data</c> the document without its text. It long-polls the grain, which answers at each change; changes that
/// follow each other faster than a poll are reported as the latest one. The stream ends at completed or failed.
/// </summary>
internal sealed class DocumentStatusStreamer(IGrainFactory grains, IOptions<StreamOptions> options)
{
    public async Task StreamAsync(
        HttpContext http, Guid id, Caller caller, long afterVersion, CancellationToken cancellationToken)
    {
        SseWriter.Prepare(http.Response);
        var writer = new SseWriter(http.Response);
        var grain = grains.GetGrain<IDocumentGrain>(id);
        var after = afterVersion;
        try
        {
            await writer.WriteHeartbeatAsync(cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                var document = await grain.WaitForChangeAsync(caller, after, options.Value.HeartbeatInterval);
                if (document is null)
                {
                    return;
                }

                if (document.Version > after)
                {
                    var data = JsonSerializer.Serialize(document, CarlosJson.Options);
                    await http.Response.WriteAsync(
                        $"id: {document.Version}\nevent: {CarlosJson.WireName(document.Status)}\ndata: {data}\n\n",
                        cancellationToken);
                    await http.Response.Body.FlushAsync(cancellationToken);
                    after = document.Version;
                }
                else
                {
                    await writer.WriteHeartbeatAsync(cancellationToken);
                }

                if (document.Status is DocumentStatus.Completed or DocumentStatus.Failed)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
    }
}

/// <summary>An endpoint result that answers with a document's status stream.</summary>
internal sealed class DocumentStatusStreamResult(DocumentStatusStreamer streamer, Guid id, Caller caller, long after)
    : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) =>
        streamer.StreamAsync(httpContext, id, caller, after, httpContext.RequestAborted);
}
