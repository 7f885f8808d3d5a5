namespace Carlos.Contracts.Designs;

/// <summary>The kinds of event a design's stream carries. On the wire they are snake_case.</summary>
public enum DesignEventType
{
    /// <summary>The workflow accepted the design and is about to run its first step.</summary>
    DesignStarted = 0,
    AgentStarted = 1,

    /// <summary>Streamed model text of a step; several model tokens may be batched into one event.</summary>
    Token = 2,
    AgentCompleted = 3,
    Validation = 4,

    /// <summary>
    /// A step finished, but its answer could not be used as asked for (kept as text), or came from the built-in model
    /// because the configured one was unavailable.
    /// </summary>
    Degraded = 5,

    /// <summary>
    /// A step runs again from its start: its silo was lost, or its model call was retried after text had streamed.
    /// </summary>
    StepRestarted = 6,
    Completed = 7,
    RevisionRequired = 8,
    Failed = 9,
    Cancelled = 10,
    Expired = 11,

    /// <summary>
    /// The design waits for a free workflow slot, or a step waits for room in its model deployment's token budget; the
    /// event carries its position, estimated start and reason.
    /// </summary>
    Queued = 12,

    /// <summary>The requirements are too vague: the event carries up to five questions, and the design waits.</summary>
    Question = 13,

    /// <summary>Answers arrived and the design runs on.</summary>
    Answered = 14,

    /// <summary>A round of the Terraform check ended; the event carries its verdict and findings.</summary>
    TerraformCheck = 15,

    /// <summary>
    /// The first event of a design answered from the design cache: the cached design's steps follow, then
    /// <see cref="Completed"/>, and no model is called. It carries the design id, as <see cref="DesignStarted"/> does.
    /// </summary>
    CacheHit = 50,

    /// <summary>
    /// The recommender chose between the lead and rival designs, or a user overruled the choice; the event carries
    /// the choice with its reasons and trade-offs.
    /// </summary>
    Choice = 60,
}
