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

    /// <summary>A step finished, but its answer could not be used as asked for (kept as text).</summary>
    Degraded = 5,

    /// <summary>A step interrupted by the loss of its silo runs again from its start.</summary>
    StepRestarted = 6,
    Completed = 7,
    RevisionRequired = 8,
    Failed = 9,
    Cancelled = 10,
    Expired = 11,

    /// <summary>A round of the Terraform check ended; the event carries its verdict and findings.</summary>
    TerraformCheck = 12,
}
