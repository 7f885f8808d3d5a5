using System.Text.Json.Serialization;
using Carlos.Contracts.Reports;

namespace Carlos.Contracts.Designs;

/// <summary>
/// One event in a design's log. <see cref="Sequence"/> starts at 1, grows by one per event and is never reused,
/// so it serves as the SSE event id that clients resume from.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.DesignEvent")]
public sealed record DesignEvent
{
    [Id(0)] public required long Sequence { get; init; }

    [Id(1)] public required DesignEventType Type { get; init; }

    [Id(2)] public required DateTimeOffset At { get; init; }

    /// <summary>The agent role, for step events.</summary>
    [Id(3)] public string? Agent { get; init; }

    /// <summary>The step id, unique within the design (for example <c>security.2</c>).</summary>
    [Id(4)] public string? Step { get; init; }

    /// <summary>Streamed text for <see cref="DesignEventType.Token"/>; otherwise a short human message.</summary>
    [Id(5)] public string? Text { get; init; }

    /// <summary>A finished step's output (Markdown, or the Terraform).</summary>
    [Id(6)] public string? Output { get; init; }

    /// <summary>The design status this event moved the design to, if it changed it.</summary>
    [Id(7)] public DesignStatus? Status { get; init; }

    [Id(8)] public ValidationVerdict? Validation { get; init; }

    /// <summary>The review round the step belongs to, starting at 1.</summary>
    [Id(9)] public int? Round { get; init; }

    /// <summary>The design's id, on the first event, for clients that started the design with a stream.</summary>
    [Id(10)] public Guid? DesignId { get; init; }

    /// <summary>The clarifying questions, for <see cref="DesignEventType.Question"/>.</summary>
    [Id(11)] public IReadOnlyList<string>? Questions { get; init; }

    /// <summary>The position in the silo's queue (1 is next), for <see cref="DesignEventType.Queued"/>.</summary>
    [Id(12)] public int? Position { get; init; }

    /// <summary>The verdict of a Terraform check round, for <see cref="DesignEventType.TerraformCheck"/>.</summary>
    [Id(13)] public TerraformVerdict? TerraformCheck { get; init; }

    /// <summary>The choice between the lead and rival designs, for <see cref="DesignEventType.Choice"/>.</summary>
    [Id(60)] public DesignChoice? Choice { get; init; }

    /// <summary>Which of the two designs a step works on, for designs with the rival.</summary>
    [Id(61)] public DesignCandidate? Candidate { get; init; }

    /// <summary>When a queued design or step is expected to start, for <see cref="DesignEventType.Queued"/>.</summary>
    [Id(20)] public DateTimeOffset? EstimatedStart { get; init; }

    /// <summary>
    /// Why it waits, for <see cref="DesignEventType.Queued"/>: <c>workflow_slots</c> (its silo runs all it may) or
    /// <c>token_budget</c> (the model deployment's quota is spoken for).
    /// </summary>
    [Id(21)] public string? Reason { get; init; }

    /// <summary>
    /// True when this is the last event of the design's run. Overruling the choice of a finished design starts a
    /// short run after it (a <see cref="DesignEventType.Choice"/> event, the Terraform steps, a new terminal event).
    /// </summary>
    [JsonIgnore]
    public bool IsTerminal => Type is DesignEventType.Completed or DesignEventType.RevisionRequired
        or DesignEventType.Failed or DesignEventType.Cancelled or DesignEventType.Expired;
}
