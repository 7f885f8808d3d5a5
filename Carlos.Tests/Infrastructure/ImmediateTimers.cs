namespace Carlos.Tests.Infrastructure;

/// <summary>
/// A clock whose timers fire as they are made, so a time limit is over before any work starts: a test of a limit
/// does not depend on how fast this machine is.
/// </summary>
internal sealed class ImmediateTimers : TimeProvider
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        callback(state);
        return System.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }
}
