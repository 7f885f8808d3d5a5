using System.Text;

namespace Carlos.Grains.Documents;

/// <summary>Makes an uploaded file's name safe to store and show: no folders, no control characters, bounded.</summary>
internal static class FileNames
{
    public const int MaxLength = 200;
    public const string Fallback = "document";

    public static string Sanitize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Fallback;
        }

        // Browsers and tools send paths from either kind of system; keep the last segment only.
        var last = name.Replace('\\', '/').Split('/').LastOrDefault(s => s.Trim().Length > 0) ?? "";
        var clean = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c) && c is not ('"' or '`' or '<' or '>' or '|' or '*' or '?' or ':')
                && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
            {
                clean.Append(c);
            }
        }

        var text = clean.ToString().Trim().Trim('.').Trim();
        if (text.Length > MaxLength)
        {
            var extension = Path.GetExtension(text);
            text = extension.Length is > 0 and <= 10
                ? text[..(MaxLength - extension.Length)] + extension
                : text[..MaxLength];
        }

        return text.Length == 0 ? Fallback : text;
    }
}
