using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Carlos.Grains.Catalog;

namespace Carlos.Grains.Cache;

/// <summary>
/// Decides whether requirements are generic enough to share a cached design between tenants. It accepts only what
/// it positively recognises: short text, every word from a known vocabulary (common architecture English and the
/// catalog's service names and keywords) or a number. So a name Carlos does not know, such as a company, a product
/// or a person, keeps the requirements private even when it is written in lower case. E-mail addresses, URLs,
/// domains and first-person or company markers ("our", "my", "we", "Ltd", ...) are named as the reason.
/// </summary>
internal sealed partial class GenericRequirements
{
    private const int MaxWords = 30;

    private static readonly FrozenSet<string> Markers = FrozenSet.ToFrozenSet(
        """
        i me my mine we us our ours ourselves company companies corp corporation inc incorporated ltd limited
        llc llp gmbh plc ag bv nv sarl srl pty co firm organisation organization employer brand trademark
        proprietary confidential
        """.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);

    private readonly FrozenSet<string> _vocabulary;
    private readonly int _maxLength;

    public GenericRequirements(ServiceCatalog catalog, int maxLength)
    {
        _maxLength = maxLength;
        var words = GenericVocabulary.Words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Concat(catalog.Services.SelectMany(s => s.Keywords.Append(s.Name).Append(s.Id).SelectMany(Words)));
        _vocabulary = words.Where(w => !Markers.Contains(w)).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Null when the requirements are generic; otherwise why they are not.</summary>
    public string? WhyNotGeneric(string requirements)
    {
        var text = requirements.Trim();
        if (text.Length > _maxLength)
        {
            return $"longer than {_maxLength} characters";
        }

        if (Email().IsMatch(text))
        {
            return "it contains an e-mail address";
        }

        if (Url().IsMatch(text))
        {
            return "it contains a URL";
        }

        if (Domain().IsMatch(text))
        {
            return "it contains a domain name";
        }

        var words = Words(text).ToList();
        if (words.Count > MaxWords)
        {
            return $"more than {MaxWords} words";
        }

        if (words.FirstOrDefault(Markers.Contains) is { } marker)
        {
            return $"it says '{marker}', which points at a particular organisation";
        }

        return words.FirstOrDefault(w => !Number().IsMatch(w) && !_vocabulary.Contains(w)) is { } unknown
            ? $"'{unknown}' is not a word Carlos knows to be generic (it may be a name)"
            : null;
    }

    public bool IsGeneric(string requirements) => WhyNotGeneric(requirements) is null;

    /// <summary>Words as letters and digits; a possessive 's stays with its word, so "Acme's" is one name.</summary>
    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.EndsWith("'s", StringComparison.OrdinalIgnoreCase)
            || m.Value.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase) ? m.Value[..^2] : m.Value);

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}+#]*(?:['\u2019]s\b)?")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^\d+[a-z%]{0,5}$|^\d+$", RegexOptions.IgnoreCase)]
    private static partial Regex Number();

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+", RegexOptions.IgnoreCase)]
    private static partial Regex Email();

    [GeneratedRegex(@"\b(?:https?|ftp|wss?)://|\bwww\.", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,24}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Domain();
}
