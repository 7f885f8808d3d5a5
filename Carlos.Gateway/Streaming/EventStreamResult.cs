using Carlos.Contracts.Identity;

namespace Carlos.Gateway.Streaming;

/// <summary>An endpoint result that answers with a design's event stream.</summary>
internal sealed class EventStreamResult(DesignEventStreamer streamer, Guid designId, Caller caller, long afterSequence)
    : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) =>
        streamer.StreamAsync(httpContext, designId, caller, afterSequence, httpContext.RequestAborted);
}
