using Carlos.Contracts.Identity;

namespace Carlos.Contracts.Designs;

/// <summary>
/// One design, keyed by its id. It runs the agent pipeline in its own background, persisting each finished step,
/// so no call here waits on a model. Every method checks that <c>caller</c> may see the design; a design the caller
/// may not see behaves as one that does not exist.
/// </summary>
[Alias("Carlos.IDesignWorkflowGrain")]
public interface IDesignWorkflowGrain : IGrainWithGuidKey
{
    /// <summary>Starts the design, or returns the existing one when this id was already started by the caller.</summary>
    [Alias("Start")]
    Task<StartOutcome?> StartAsync(Caller caller, DesignRequest request);

    [Alias("Get")]
    Task<DesignSnapshot?> GetAsync(Caller caller);

    /// <summary>Returns up to <paramref name="maxCount"/> persisted events after <paramref name="afterSequence"/>.</summary>
    [Alias("GetEvents")]
    Task<EventPage?> GetEventsAsync(Caller caller, long afterSequence, int maxCount);

    /// <summary>Subscribes, or refreshes a subscription; false when the design is not visible to the caller.</summary>
    [Alias("Subscribe")]
    Task<bool> SubscribeAsync(Caller caller, IDesignObserver observer);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IDesignObserver observer);

    [Alias("Cancel")]
    Task<CancelOutcome> CancelAsync(Caller caller);

    /// <summary>Answers the design's clarifying questions and lets it run on.</summary>
    [Alias("Answer")]
    Task<AnswerOutcome> AnswerAsync(Caller caller, IReadOnlyList<string> answers);

    /// <summary>
    /// Deletes the design: a running one is cancelled first, then its state, its event log and its deployment record
    /// are removed from storage. False when the caller may not see it.
    /// </summary>
    [Alias("Delete")]
    Task<bool> DeleteAsync(Caller caller);

    /// <summary>The design as lists show it; null when the caller may not see it.</summary>
    [Alias("GetListItem")]
    Task<Workspace.DesignListItem?> GetListItemAsync(Caller caller);
}
