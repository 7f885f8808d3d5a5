using System.ComponentModel.DataAnnotations;

namespace Carlos.Grains.Workflow;

/// <summary>Settings of the design workflow (<c>Carlos:Workflow</c>).</summary>
public sealed class WorkflowOptions
{
    public const string SectionName = "Carlos:Workflow";

    /// <summary>How many times the architect may revise a design that failed validation. Default 1.</summary>
    [Range(0, 5)]
    public int RevisionRounds { get; set; } = 1;

    /// <summary>
    /// How long streamed text is gathered into one <c>token</c> event. Default 50 ms, which keeps a design to a few
    /// thousand events.
    /// </summary>
    public TimeSpan TokenBatchInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long an observer subscription lasts unless renewed. Default 5 minutes.</summary>
    public TimeSpan ObserverExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many designs one silo runs at once; more wait as <c>queued</c>. Default 32.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentPerSilo { get; set; } = 32;

    /// <summary>How many designs may wait on one silo; beyond that new designs are refused with 503. Default 256.</summary>
    [Range(0, 100_000)]
    public int MaxQueuedPerSilo { get; set; } = 256;

    /// <summary>How long a design waits for answers to its questions before it ends <c>expired</c>. Default 24 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan QuestionTimeout { get; set; } = TimeSpan.FromHours(24);
}
