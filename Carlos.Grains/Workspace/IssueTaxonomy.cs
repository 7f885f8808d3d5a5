namespace Carlos.Grains.Workspace;

/// <summary>
/// Groups deployment issues (and users' modifications) so that wording variants meet. A text first meets the
/// canonical issues: each has patterns of word stems that must all start some word of the text ("quota" matches
/// "quotas"; "exceed" matches "exceeded"), tried in order. A text no canonical issue claims joins the most similar
/// group seen before (Jaccard similarity of its stemmed words, at least <see cref="SimilarityThreshold"/>), or
/// starts a group of its own.
/// </summary>
internal static class IssueTaxonomy
{
    public const double SimilarityThreshold = 0.5;

    /// <summary>A canonical issue: its key, the label analytics show, and its stem patterns.</summary>
    public sealed record Canonical(string Key, string Label, IReadOnlyList<string[]> Patterns);

    public static readonly IReadOnlyList<Canonical> Canonicals =
    [
        new("quota_exceeded", "Quota exceeded",
            [["quota"], ["vcpu", "limit"], ["core", "limit"], ["subscription", "limit"], ["limit", "exceed"]]),
        new("capacity_unavailable", "SKU or capacity unavailable in the region",
            [["sku", "unavail"], ["sku", "not", "avail"], ["capacity"], ["not", "avail", "region"],
                ["restrict", "region"]]),
        new("permission_denied", "Missing permissions or role assignments",
            [["permission"], ["rbac"], ["unauthori"], ["authoriz", "fail"], ["forbidden"], ["access", "denied"],
                ["role", "assign"]]),
        new("network_dns", "Networking or private DNS problems",
            [["dns"], ["private", "endpoint"], ["vnet"], ["subnet"], ["peering"], ["nsg"], ["network"]]),
        new("name_conflict", "Resource name already taken",
            [["name", "taken"], ["name", "already"], ["name", "conflict"], ["globally", "unique"], ["name", "exist"]]),
        new("terraform_tooling", "Terraform provider, version or state problems",
            [["provider", "version"], ["terraform", "version"], ["azurerm"], ["state", "lock"], ["terraform", "fail"]]),
        new("timeout", "Deployment timed out", [["timeout"], ["timed", "out"]]),
        new("cost_overrun", "Cost higher than expected",
            [["cost"], ["budget"], ["expensive"], ["bill"], ["price"]]),
        new("certificate_tls", "Certificate or TLS problems", [["certificate"], ["tls"], ["ssl"]]),
        new("policy_violation", "Blocked by Azure Policy", [["policy"], ["policies"]]),
    ];

    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "the", "in", "on", "at", "of", "to", "for", "and", "or", "we", "our", "it", "its", "was", "were",
        "is", "are", "be", "been", "had", "has", "have", "hit", "got", "get", "with", "by", "from", "this", "that",
        "when", "while", "during", "after", "before", "some", "all", "too", "very", "us", "i", "my",
    ];

    /// <summary>The canonical issue a text names, or null.</summary>
    public static Canonical? CanonicalOf(string text)
    {
        var words = Words(text);
        return Canonicals.FirstOrDefault(c => c.Patterns.Any(p => p.All(stem => words.Any(w => w.StartsWith(stem,
            StringComparison.Ordinal)))));
    }

    /// <summary>The lower-cased words of a text, without punctuation.</summary>
    public static IReadOnlyList<string> Words(string text) =>
        text.ToLowerInvariant()
            .Split(c => !char.IsLetterOrDigit(c))
            .Where(w => w.Length > 0)
            .ToList();

    /// <summary>The stems a similarity compares: words without stop words and common endings.</summary>
    public static HashSet<string> Stems(string text) =>
        Words(text).Where(w => !StopWords.Contains(w)).Select(Stem).Where(s => s.Length > 1).ToHashSet();

    public static double Similarity(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static string Stem(string word)
    {
        foreach (var ending in (string[])["ations", "ation", "ing", "ed", "es", "al", "ly", "s"])
        {
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }

        return word;
    }

    private static IEnumerable<string> Split(this string text, Func<char, bool> separator)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || separator(text[i]))
            {
                if (i > start)
                {
                    yield return text[start..i];
                }

                start = i + 1;
            }
        }
    }
}
