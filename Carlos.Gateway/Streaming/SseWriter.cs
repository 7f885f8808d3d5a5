using System.Text;
using System.Text.Json;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Serialization;

namespace Carlos.Gateway.Streaming;

/// <summary>
/// Writes Server-Sent Events: <c>id</c> is the event's sequence number, <c>event</c> its type, <c>data</c> the
/// event as one line of JSON. Heartbeats are comment lines, which the SSE types of the framework cannot write.
/// </summary>
internal sealed class SseWriter(HttpResponse response)
{
    private static readonly byte[] Heartbeat = Encoding.UTF8.GetBytes(": heartbeat\n\n");

    public static void Prepare(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        response.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()
            ?.DisableBuffering();
    }

    public async Task WriteRetryAsync(TimeSpan retry, CancellationToken cancellationToken)
    {
        await response.WriteAsync($"retry: {(long)retry.TotalMilliseconds}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    public async Task WriteAsync(DesignEvent e, CancellationToken cancellationToken)
    {
        var data = JsonSerializer.Serialize(e, CarlosJson.Options);
        await response.WriteAsync($"id: {e.Sequence}\nevent: {CarlosJson.WireName(e.Type)}\ndata: {data}\n\n",
            cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    public async Task WriteHeartbeatAsync(CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Heartbeat, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
