using Carlos.Contracts.Identity;

namespace Carlos.Contracts.Designs;

/// <summary>
/// Overrules a finished design's choice between its lead and rival designs. Implemented by the design's own
/// workflow grain (same key as <see cref="IDesignWorkflowGrain"/>).
/// </summary>
[Alias("Carlos.IDesignChoice")]
public interface IDesignChoice : IGrainWithGuidKey
{
    /// <summary>
    /// Makes <paramref name="design"/> the chosen design and regenerates only the Terraform (and its check) for it,
    /// in the background; the designs and their reviews stay as they are.
    /// </summary>
    [Alias("Choose")]
    Task<ChooseOutcome> ChooseAsync(Caller caller, DesignCandidate design);
}

/// <summary>What became of a request to overrule the choice.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.ChooseOutcome")]
public sealed record ChooseOutcome(
    [property: Id(0)] ChooseStatus Status,
    [property: Id(1)] long EventsAfter = 0);

public enum ChooseStatus
{
    /// <summary>The Terraform is being regenerated; events after <see cref="ChooseOutcome.EventsAfter"/> follow it.</summary>
    Accepted = 0,
    NotFound = 1,

    /// <summary>The design is still running (or waiting): there is no choice to overrule yet.</summary>
    StillRunning = 2,

    /// <summary>The design ran without the rival, or ended without a choice (revision required, failed, cancelled).</summary>
    NoChoice = 3,

    /// <summary>The design asked for is already the chosen one.</summary>
    AlreadyChosen = 4,

    /// <summary>The design asked for failed validation, so it cannot be built.</summary>
    NotValid = 5,
}
