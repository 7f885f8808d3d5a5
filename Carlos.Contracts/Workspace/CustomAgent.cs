namespace Carlos.Contracts.Workspace;

/// <summary>A reviewer a tenant defined: it reviews every design that names it, after the three analysts.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.CustomAgent")]
public sealed record CustomAgent(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Instructions,
    [property: Id(3)] string Focus,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset UpdatedAt)
{
    public const int MaxNameLength = 100;
    public const int MaxInstructionsLength = 8000;
    public const int MaxFocusLength = 500;

    /// <summary>The most custom agents one tenant may hold, and the most one design may name.</summary>
    public const int MaxPerTenant = 100;

    public const int MaxPerDesign = 5;
}

/// <summary>A custom agent's fields as a client sends them, already checked against the limits.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.CustomAgentDraft")]
public sealed record CustomAgentDraft(
    [property: Id(0)] string Name,
    [property: Id(1)] string Instructions,
    [property: Id(2)] string Focus);

/// <summary>What a change to a custom agent came to.</summary>
public enum CustomAgentChange
{
    Done = 0,
    NotFound = 1,

    /// <summary>The agent is the tenant's, but only its creator or a tenant admin may change it.</summary>
    Forbidden = 2,

    /// <summary>The tenant already holds <see cref="CustomAgent.MaxPerTenant"/> agents.</summary>
    LimitReached = 3,
}

/// <summary>The answer to a create or update: the outcome, and the agent when it is <see cref="CustomAgentChange.Done"/>.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.CustomAgentResult")]
public sealed record CustomAgentResult(
    [property: Id(0)] CustomAgentChange Change,
    [property: Id(1)] CustomAgent? Agent);
