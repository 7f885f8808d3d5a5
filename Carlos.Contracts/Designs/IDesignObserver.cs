using Orleans.Concurrency;

namespace Carlos.Contracts.Designs;

/// <summary>
/// Receives a design's events as they are persisted. Calls are one-way so that a slow or departed subscriber never
/// holds up the workflow; subscribers re-subscribe periodically because subscriptions expire.
/// </summary>
[Alias("Carlos.IDesignObserver")]
public interface IDesignObserver : IGrainObserver
{
    [OneWay, Alias("OnEvents")]
    Task OnEventsAsync(IReadOnlyList<DesignEvent> events);
}
