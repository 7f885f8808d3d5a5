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
}
