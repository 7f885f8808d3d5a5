using System.Text;

namespace Carlos.Contracts.Reports;

/// <summary>
/// The files of a design's Terraform. The Terraform is one text in which a marker line
/// (<c># ===== main.tf =====</c>) starts each file. Only the three known names are files: text under any other
/// marker, or before the first, belongs to <c>main.tf</c>, so a name taken from a model never becomes a path.
/// </summary>
public static class TerraformFiles
{
    public const string Main = "main.tf";
    public const string Variables = "variables.tf";
    public const string Outputs = "outputs.tf";

    public static IReadOnlyList<string> Names { get; } = [Main, Variables, Outputs];

    /// <summary>The marker line that starts a file in the joined text.</summary>
    public static string Marker(string file) => $"# ===== {file} =====";

    /// <summary>Splits the joined text into the known files, in the order of <see cref="Names"/>.</summary>
    public static IReadOnlyList<(string Name, string Text)> Split(string joined)
    {
        var files = Names.ToDictionary(n => n, _ => new StringBuilder(), StringComparer.Ordinal);
        var current = files[Main];
        foreach (var line in joined.ReplaceLineEndings("\n").Split('\n'))
        {
            if (MarkedName(line) is { } name)
            {
                current = files.TryGetValue(name, out var known) ? known : files[Main];
                continue;
            }

            current.Append(line).Append('\n');
        }

        return Names.Select(n => (n, Trimmed(files[n]))).ToList();
    }

    /// <summary>Joins files into one text with a marker before each.</summary>
    public static string Join(IEnumerable<(string Name, string Text)> files)
    {
        var text = new StringBuilder();
        foreach (var (name, body) in files)
        {
            text.Append(Marker(name)).Append('\n').Append(body);
            if (body.Length > 0 && !body.EndsWith('\n'))
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static string? MarkedName(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length > 14 && trimmed.StartsWith("# =====", StringComparison.Ordinal)
            && trimmed.EndsWith("=====", StringComparison.Ordinal)
            ? trimmed[7..^5].Trim()
            : null;
    }

    private static string Trimmed(StringBuilder text)
    {
        var value = text.ToString();
        return value.EndsWith("\n\n", StringComparison.Ordinal) ? value.TrimEnd('\n') + "\n" : value;
    }
}
