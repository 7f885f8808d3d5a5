using Carlos.Contracts.Designs;
using Carlos.Contracts.Identity;
using Carlos.Contracts.Reports;
using Carlos.Grains.Agents;
using Carlos.Grains.Documents;

namespace Carlos.Grains.Workflow;

/// <summary>
/// What a design keeps in grain storage. Finished steps are recorded by step id before the next step starts, so a
/// new activation skips them; <see cref="ActiveSteps"/> names the steps that had started, so that a resumed design
/// can say which ones it runs again.
/// </summary>
[GenerateSerializer]
[Alias("Carlos.DesignWorkflowState")]
public sealed class DesignWorkflowState
{
    [Id(0)] public ResourceOwner? Owner { get; set; }

    [Id(1)] public DesignRequest? Request { get; set; }

    [Id(2)] public DesignStatus Status { get; set; }

    [Id(3)] public Dictionary<string, StepRecord> Steps { get; set; } = [];

    [Id(4)] public HashSet<string> ActiveSteps { get; set; } = [];

    [Id(5)] public TokenUsage Usage { get; set; } = TokenUsage.Zero;

    [Id(6)] public string? Error { get; set; }

    [Id(7)] public DateTimeOffset CreatedAt { get; set; }

    [Id(8)] public DateTimeOffset UpdatedAt { get; set; }

    [Id(9)] public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Events known to be stored when this state was written; the log may hold more.</summary>
    [Id(10)] public long PersistedEvents { get; set; }

    [Id(11)] public string Model { get; set; } = "";

    /// <summary>The clarifying questions asked, and the answers given, in order.</summary>
    [Id(12)] public List<string> Questions { get; set; } = [];

    [Id(13)] public List<string> Answers { get; set; } = [];

    [Id(14)] public DateTimeOffset? AnswersDueBy { get; set; }

    /// <summary>The text of the documents the request named, taken once at the start.</summary>
    [Id(15)] public List<DesignDocumentText> Documents { get; set; } = [];

    /// <summary>The design cache entry this design reads and may write; null when the design is not cacheable.</summary>
    [Id(50)] public string? CacheKey { get; set; }

    /// <summary>Set when the design was answered from the cache.</summary>
    [Id(51)] public Contracts.Cache.DesignCacheHit? CacheHit { get; set; }

    /// <summary>The design a user chose over the recommender's, for a design with the rival; null until then.</summary>
    [Id(60)] public DesignCandidate? ChosenDesign { get; set; }
    /// <summary>The custom agents the request named, as they were defined when the design started.</summary>
    [Id(40)] public List<Contracts.Workspace.CustomAgent> CustomAgents { get; set; } = [];

    /// <summary>The tenant's lessons when the design started; the architect and validator read them.</summary>
    [Id(41)] public List<Contracts.Workspace.Lesson> Lessons { get; set; } = [];
}

/// <summary>A finished step and what it produced.</summary>
[GenerateSerializer]
[Alias("Carlos.StepRecord")]
public sealed record StepRecord(
    [property: Id(0)] StepOutcome Outcome,
    [property: Id(1)] AgentOutcome Result);
