namespace Carlos.Grains.BuiltinModel;

/// <summary>
/// Replaces lines <see cref="Start"/> to <see cref="End"/> (1-based, inclusive) of a file with other lines. An edit
/// whose end is before its start inserts before <see cref="Start"/>.
/// </summary>
internal sealed record TerraformLineEdit(string File, int Start, int End, IReadOnlyList<string> Replacement)
{
    public static TerraformLineEdit Replace(string file, int line, string text) => new(file, line, line, [text]);

    public static TerraformLineEdit Remove(string file, int start, int end) => new(file, start, end, []);

    public static TerraformLineEdit InsertBefore(string file, int line, params string[] lines) =>
        new(file, line, line - 1, lines);

    private int Last => Math.Max(Start, End);

    /// <summary>
    /// Applies edits from the bottom of each file up, so that the line numbers of the findings stay right. An edit
    /// that overlaps one already applied is left for the next round.
    /// </summary>
    public static void Apply(Dictionary<string, List<string>> files, IEnumerable<TerraformLineEdit> edits)
    {
        foreach (var group in edits.GroupBy(e => e.File))
        {
            if (!files.TryGetValue(group.Key, out var lines))
            {
                continue;
            }

            var applied = new List<TerraformLineEdit>();
            foreach (var edit in group.OrderByDescending(e => e.Start).ThenByDescending(e => e.End))
            {
                if (edit.Start < 1 || edit.Start > lines.Count + 1
                    || applied.Any(a => edit.Start <= a.Last && a.Start <= edit.Last))
                {
                    continue;
                }

                var count = Math.Max(0, Math.Min(edit.End, lines.Count) - edit.Start + 1);
                lines.RemoveRange(edit.Start - 1, count);
                lines.InsertRange(edit.Start - 1, edit.Replacement);
                applied.Add(edit);
            }
        }
    }
}
