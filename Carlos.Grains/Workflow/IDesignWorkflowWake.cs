using Orleans.Concurrency;

namespace Carlos.Grains.Workflow;

/// <summary>
/// Silo-internal: wakes a design so that it resumes at once. A design whose silo shuts down sends this to itself, so
/// the message reaches the new activation on another silo instead of waiting for the next reminder tick.
/// </summary>
[Alias("Carlos.IDesignWorkflowWake")]
public interface IDesignWorkflowWake : IGrainWithGuidKey
{
    [OneWay, Alias("Wake")]
    Task WakeAsync();
}
