using System.Collections.Concurrent;
using Carlos.Contracts.Designs;

namespace Carlos.Tests.Infrastructure;

/// <summary>An observer that keeps what it receives and lets a test wait for the next delivery.</summary>
internal sealed class DesignEventSink : IDesignObserver
{
    private readonly SemaphoreSlim _signal = new(0);

    public ConcurrentQueue<DesignEvent> Received { get; } = new();

    public Task OnEventsAsync(IReadOnlyList<DesignEvent> events)
    {
        foreach (var e in events)
        {
            Received.Enqueue(e);
        }

        _signal.Release();
        return Task.CompletedTask;
    }

    public Task WaitAsync(CancellationToken token) => _signal.WaitAsync(TimeSpan.FromMilliseconds(500), token);
}
