namespace Carlos.Contracts.Workspace;

/// <summary>
/// The feedback a user gave on deploying a design, one per design; a second post replaces it and keeps
/// <see cref="CreatedAt"/>. Text fields are as the user wrote them.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.DeploymentRecord")]
public sealed record DeploymentRecord
{
    [Id(0)] public required Guid DesignId { get; init; }

    [Id(1)] public required bool Deployed { get; init; }

    [Id(2)] public DateOnly? DeploymentDate { get; init; }

    [Id(3)] public required string CloudProvider { get; init; }

    [Id(4)] public required string Environment { get; init; }

    /// <summary>Whether the deployment worked; null when the design was not deployed.</summary>
    [Id(5)] public bool? Success { get; init; }

    [Id(6)] public IReadOnlyList<string> IssuesEncountered { get; init; } = [];

    [Id(7)] public string? ModificationsMade { get; init; }

    [Id(8)] public required int SatisfactionRating { get; init; }

    [Id(9)] public required DateTimeOffset CreatedAt { get; init; }

    [Id(10)] public required DateTimeOffset UpdatedAt { get; init; }

    public static readonly IReadOnlyList<string> CloudProviders = ["azure", "aws", "gcp", "other"];

    public static readonly IReadOnlyList<string> Environments = ["development", "test", "staging", "production"];

    public const int MaxIssues = 50;
    public const int MaxIssueLength = 500;
    public const int MaxModificationsLength = 5000;
}

/// <summary>A validated feedback post, before Carlos stamps it with the design and the times.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.DeploymentFeedback")]
public sealed record DeploymentFeedback(
    [property: Id(0)] bool Deployed,
    [property: Id(1)] DateOnly? DeploymentDate,
    [property: Id(2)] string CloudProvider,
    [property: Id(3)] string Environment,
    [property: Id(4)] bool? Success,
    [property: Id(5)] IReadOnlyList<string> IssuesEncountered,
    [property: Id(6)] string? ModificationsMade,
    [property: Id(7)] int SatisfactionRating);
