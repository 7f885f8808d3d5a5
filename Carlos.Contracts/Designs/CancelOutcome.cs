namespace Carlos.Contracts.Designs;

/// <summary>What a cancel request did.</summary>
public enum CancelOutcome
{
    Cancelled = 0,

    /// <summary>The design had already finished; nothing changed.</summary>
    AlreadyFinished = 1,

    /// <summary>No design with that id is visible to the caller.</summary>
    NotFound = 2,
}
