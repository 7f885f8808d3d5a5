using System.Threading.Channels;
using Carlos.Contracts.Designs;

namespace Carlos.Gateway.Streaming;

/// <summary>
/// The observer one HTTP stream registers with a design grain. It only queues what arrives; the stream writes it.
/// When the queue is full new events are dropped, and the stream fills the gap from the grain's stored log.
/// </summary>
internal sealed class DesignEventRelay : IDesignObserver
{
    private readonly Channel<DesignEvent> _events = Channel.CreateBounded<DesignEvent>(
        new BoundedChannelOptions(4096) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    public ChannelReader<DesignEvent> Reader => _events.Reader;

    public Task OnEventsAsync(IReadOnlyList<DesignEvent> events)
    {
        foreach (var e in events)
        {
            _events.Writer.TryWrite(e);
        }

        return Task.CompletedTask;
    }
}
