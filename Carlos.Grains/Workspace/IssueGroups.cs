using System.Security.Cryptography;
using System.Text;

namespace Carlos.Grains.Workspace;

/// <summary>
/// The issue groups one tenant has seen: the canonical ones, and groups made of wordings no canonical issue claims.
/// Assigning a text to a group adds a new group when nothing is similar enough.
/// </summary>
[GenerateSerializer]
[Alias("Carlos.IssueGroups")]
public sealed class IssueGroups
{
    /// <summary>Groups outside the taxonomy, by key: their label (the first wording seen) and stems.</summary>
    [Id(0)] public Dictionary<string, FreeIssueGroup> Free { get; set; } = [];

    /// <summary>The key of the group a text belongs to, creating a free group when none fits.</summary>
    public string Assign(string text)
    {
        if (IssueTaxonomy.CanonicalOf(text) is { } canonical)
        {
            return canonical.Key;
        }

        var stems = IssueTaxonomy.Stems(text);
        var best = Free.Values
            .Select(g => (Group: g, Score: IssueTaxonomy.Similarity(stems, g.Stems.ToHashSet())))
            .Where(x => x.Score >= IssueTaxonomy.SimilarityThreshold)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Group.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best.Group is { } similar)
        {
            return similar.Key;
        }

        var key = "other_" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join(' ', stems.Order(StringComparer.Ordinal)))))[..12].ToLowerInvariant();
        var label = text.Trim();
        Free.TryAdd(key, new FreeIssueGroup(key, label.Length <= 120 ? label : label[..120], stems.ToList()));
        return key;
    }

    /// <summary>What analytics and lessons call a group.</summary>
    public string LabelOf(string key) =>
        IssueTaxonomy.Canonicals.FirstOrDefault(c => c.Key == key)?.Label
        ?? Free.GetValueOrDefault(key)?.Label
        ?? key;
}

[GenerateSerializer, Immutable]
[Alias("Carlos.FreeIssueGroup")]
public sealed record FreeIssueGroup(
    [property: Id(0)] string Key,
    [property: Id(1)] string Label,
    [property: Id(2)] List<string> Stems);
