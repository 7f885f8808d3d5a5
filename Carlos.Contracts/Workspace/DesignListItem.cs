using System.Text.Json.Serialization;
using Carlos.Contracts.Designs;

namespace Carlos.Contracts.Workspace;

/// <summary>One design as <c>GET /v1/designs</c> lists it: no reports, only what a history page shows.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.DesignListItem")]
public sealed record DesignListItem(
    [property: Id(0)] Guid Id,
    [property: Id(1)] DesignStatus Status,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset UpdatedAt,
    [property: Id(4)] string Scenario,
    [property: Id(5)] string Title)
{
    /// <summary>The longest title kept: the first line of the requirements, cut at this many characters.</summary>
    public const int MaxTitleLength = 80;

    /// <summary>The title a design is listed under: the first non-empty line of its requirements, shortened.</summary>
    public static string TitleOf(string requirements)
    {
        var line = requirements.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.Length <= MaxTitleLength ? line : string.Concat(line.AsSpan(0, MaxTitleLength - 1), "…");
    }
}

/// <summary>One page of a design list, newest first; <see cref="NextCursor"/> is null on the last page.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.DesignPage")]
public sealed record DesignPage(
    [property: Id(0)] IReadOnlyList<DesignListItem> Items,
    [property: Id(1), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NextCursor);
