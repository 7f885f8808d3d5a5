namespace Carlos.Benchmarks;

/// <summary>
/// A clock that runs <see cref="Scale"/> times faster than the system's, from now on: a minute passes in a tenth of
/// one at scale 10. Timers and delays shrink by the same factor, so everything that takes its time from this provider
/// (quota windows, waits, retry delays) keeps its proportions while the benchmark takes minutes, not hours.
/// </summary>
internal sealed class ScaledTimeProvider(double scale) : TimeProvider
{
    private readonly DateTimeOffset _start = System.GetUtcNow();
    private readonly long _startTimestamp = System.GetTimestamp();

    public double Scale { get; } = scale;

    public override DateTimeOffset GetUtcNow() =>
        _start + TimeSpan.FromTicks((long)(System.GetElapsedTime(_startTimestamp).Ticks * Scale));

    public override long GetTimestamp() =>
        _startTimestamp + (long)((System.GetTimestamp() - _startTimestamp) * Scale);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Shrink(dueTime), Shrink(period));

    private TimeSpan Shrink(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : span / Scale;
}
