namespace Carlos.Contracts.Designs;

/// <summary>Where a design is in its life.</summary>
public enum DesignStatus
{
    Queued = 0,
    Running = 1,
    AwaitingAnswers = 2,
    Completed = 3,
    RevisionRequired = 4,
    Failed = 5,
    Cancelled = 6,
    Expired = 7,
}
