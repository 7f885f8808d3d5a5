namespace Carlos.Contracts.Workspace;

/// <summary>
/// Something a tenant's deployment feedback taught: a recurring issue, a low-rated scenario, or a change users keep
/// making. Ids are stable (<c>issue:quota_exceeded</c>, <c>rating:data_pipeline</c>, <c>modification:...</c>), so the
/// same lesson keeps its id as more feedback arrives.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.Lesson")]
public sealed record Lesson([property: Id(0)] string Id, [property: Id(1)] string Summary)
{
    public const string IssuePrefix = "issue:";
    public const string RatingPrefix = "rating:";
    public const string ModificationPrefix = "modification:";
}
