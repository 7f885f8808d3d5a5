using Carlos.Contracts.Reports;
using Carlos.Grains.Terraform;

namespace Carlos.Grains.BuiltinModel;

/// <summary>
/// The built-in corrector's answer to a syntax error: it closes an unterminated string on its line, replaces
/// single quotes and drops semicolons, and balances delimiters. A closer without an opener is removed; an unclosed
/// brace is closed before the next line indented no deeper than its own, an unclosed bracket or parenthesis at the
/// end of its line. A line it cannot repair otherwise is commented out, which the next check round may follow up.
/// </summary>
internal static class TerraformSyntaxRepair
{
    public static IReadOnlyList<TerraformLineEdit> Repair(
        string file, IReadOnlyList<string> lines, TerraformFinding finding)
    {
        var line = finding.Line;
        var text = line >= 1 && line <= lines.Count ? lines[line - 1] : "";
        if (finding.Message.Contains("multi-line string", StringComparison.Ordinal) && Quotes(text) % 2 == 1)
        {
            return [TerraformLineEdit.Replace(file, line, text.TrimEnd() + "\"")];
        }

        if (finding.Message.StartsWith("Invalid character", StringComparison.Ordinal)
            && (text.Contains('\'') || text.Contains(';')))
        {
            var replaced = text.Replace('\'', '"').Replace(";", "", StringComparison.Ordinal);
            return [TerraformLineEdit.Replace(file, line, replaced)];
        }

        var balance = Balance(file, lines);
        if (balance.Count > 0)
        {
            return balance;
        }

        return line >= 1 && line <= lines.Count
            ? [TerraformLineEdit.Replace(file, line, $"# carlos corrector: this line did not parse: {text.Trim()}")]
            : [];
    }

    private static int Quotes(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                count++;
            }
        }

        return count;
    }

    private static List<TerraformLineEdit> Balance(string file, IReadOnlyList<string> lines)
    {
        var (tokens, _) = HclLexer.Lex(string.Join('\n', lines));
        var open = new Stack<HclToken>();
        var unclosed = new List<HclToken>();
        var edits = new List<TerraformLineEdit>();
        var strayColumns = new Dictionary<int, List<int>>();
        foreach (var token in tokens)
        {
            if (token.Kind is HclTokenKind.OpenBrace or HclTokenKind.OpenBracket or HclTokenKind.OpenParen)
            {
                open.Push(token);
                continue;
            }

            if (Opener(token.Kind) is not { } opener)
            {
                continue;
            }

            if (!open.Any(o => o.Kind == opener))
            {
                strayColumns.TryAdd(token.Line, []);
                strayColumns[token.Line].Add(token.Column);
                continue;
            }

            while (open.Peek().Kind != opener)
            {
                unclosed.Add(open.Pop());
            }

            open.Pop();
        }

        unclosed.AddRange(open);
        foreach (var (line, columns) in strayColumns)
        {
            var text = lines[line - 1];
            foreach (var column in columns.OrderDescending())
            {
                text = text.Remove(column - 1, 1);
            }

            edits.Add(TerraformLineEdit.Replace(file, line, text));
        }

        foreach (var opener in unclosed)
        {
            edits.Add(Close(file, lines, opener));
        }

        return edits;
    }

    private static HclTokenKind? Opener(HclTokenKind closer) => closer switch
    {
        HclTokenKind.CloseBrace => HclTokenKind.OpenBrace,
        HclTokenKind.CloseBracket => HclTokenKind.OpenBracket,
        HclTokenKind.CloseParen => HclTokenKind.OpenParen,
        _ => null,
    };

    private static TerraformLineEdit Close(string file, IReadOnlyList<string> lines, HclToken opener)
    {
        var text = lines[opener.Line - 1];
        if (opener.Kind != HclTokenKind.OpenBrace)
        {
            var closer = opener.Kind == HclTokenKind.OpenParen ? ")" : "]";
            return TerraformLineEdit.Replace(file, opener.Line, text.TrimEnd() + closer);
        }

        var indent = Indent(text);
        var next = opener.Line + 1;
        while (next <= lines.Count && (lines[next - 1].Trim().Length == 0 || Indent(lines[next - 1]) > indent
                                       || lines[next - 1].TrimStart().StartsWith('}')))
        {
            next++;
        }

        while (next - 1 > opener.Line && IsBlankOrComment(lines[next - 2]))
        {
            next--;
        }

        return TerraformLineEdit.InsertBefore(file, next, new string(' ', indent) + "}");
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    private static bool IsBlankOrComment(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed.StartsWith("//", StringComparison.Ordinal);
    }
}
