namespace Carlos.Grains.Terraform;

/// <summary>
/// A recursive-descent parser of HCL native syntax (the structural, expression and template languages of
/// HashiCorp's <c>hclsyntax</c> specification). It stops at the first syntax error and reports it with the summary
/// HashiCorp's parser gives, after any errors of the lexer; the tests hold it to HashiCorp's parser on a corpus.
/// Newlines end attributes and separate object items, but inside parentheses, brackets and template sequences they
/// are plain whitespace, so the parser keeps a stack saying whether they count.
/// </summary>
internal sealed partial class HclParser
{
    private readonly IReadOnlyList<HclToken> _tokens;
    private readonly Stack<bool> _newlinesCount = new();
    private int _index;
    private HclToken _last;

    private HclParser(IReadOnlyList<HclToken> tokens) => _tokens = tokens;

    public static HclFile Parse(string name, string text)
    {
        var (tokens, lexerErrors) = HclLexer.Lex(text);
        var parser = new HclParser(tokens);
        try
        {
            var body = parser.ParseBody(open: null);
            return new HclFile(name, body, lexerErrors);
        }
        catch (HclSyntaxException error)
        {
            return new HclFile(name, HclBody.Empty, [.. lexerErrors, error.Diagnostic]);
        }
    }

    private sealed class HclSyntaxException(HclDiagnostic diagnostic) : Exception(diagnostic.ToString())
    {
        public HclDiagnostic Diagnostic { get; } = diagnostic;
    }

    private static HclSyntaxException Error(HclToken at, string summary, string detail) =>
        new(new HclDiagnostic(at.Line, at.Column, summary, detail));

    private bool NewlinesCount => _newlinesCount.Count == 0 || _newlinesCount.Peek();

    private HclToken Peek(int ahead = 0)
    {
        var i = _index;
        while (true)
        {
            while (!NewlinesCount && _tokens[i].Is(HclTokenKind.Newline))
            {
                i++;
            }

            if (ahead == 0 || _tokens[i].Is(HclTokenKind.EndOfFile))
            {
                return _tokens[i];
            }

            ahead--;
            i++;
        }
    }

    private HclToken Next()
    {
        while (!NewlinesCount && _tokens[_index].Is(HclTokenKind.Newline))
        {
            _index++;
        }

        return NextRaw();
    }

    private HclToken NextRaw()
    {
        var token = _tokens[_index];
        if (!token.Is(HclTokenKind.EndOfFile))
        {
            _index++;
        }

        _last = token;
        return token;
    }

    private HclBody ParseBody(HclToken? open)
    {
        var attributes = new List<HclAttribute>();
        var blocks = new List<HclBlock>();
        while (true)
        {
            var token = Peek();
            switch (token.Kind)
            {
                case HclTokenKind.Newline:
                    Next();
                    continue;
                case HclTokenKind.EndOfFile when open is { } brace:
                    throw Error(brace, "Unclosed configuration block",
                        "There is no closing brace for this block before the end of the file.");
                case HclTokenKind.EndOfFile:
                    return new HclBody(attributes, blocks);
                case HclTokenKind.CloseBrace when open is not null:
                    return new HclBody(attributes, blocks);
                case HclTokenKind.Identifier:
                    break;
                default:
                    throw Error(token, "Argument or block definition required",
                        "An argument or block definition is required here.");
            }

            Next();
            if (!Peek().Is(HclTokenKind.Assign))
            {
                blocks.Add(ParseBlock(token));
                continue;
            }

            Next();
            var value = ParseExpression();
            var attribute = new HclAttribute(token.Text, value, token.Line, _last.Line);
            RequireLineEnd("Missing newline after argument", "An argument definition must end with a newline.");
            if (attributes.FirstOrDefault(a => a.Name == token.Text) is { } earlier)
            {
                throw Error(token, "Attribute redefined",
                    $"The argument \"{token.Text}\" was already set at line {earlier.Line}.");
            }

            attributes.Add(attribute);
        }
    }

    private void RequireLineEnd(string summary, string detail)
    {
        var token = Peek();
        if (token.Is(HclTokenKind.Newline))
        {
            Next();
        }
        else if (!token.Is(HclTokenKind.EndOfFile))
        {
            throw Error(token, summary, detail);
        }
    }

    private HclBlock ParseBlock(HclToken type)
    {
        var labels = new List<string>();
        while (!Peek().Is(HclTokenKind.OpenBrace))
        {
            var token = Peek();
            if (token.Is(HclTokenKind.Identifier))
            {
                labels.Add(Next().Text);
            }
            else if (token.Is(HclTokenKind.OpenQuote))
            {
                labels.Add(ParseStringLiteral(Next()));
            }
            else
            {
                throw Error(type, "Argument or block definition required",
                    "An argument or block definition is required here. To set an argument, use the equals sign.");
            }
        }

        var open = Next();
        var body = ParseBlockBody(open);
        var block = new HclBlock(type.Text, labels, body, type.Line, _last.Line);
        RequireLineEnd("Missing newline after block definition", "A block definition must end with a newline.");
        return block;
    }

    private HclBody ParseBlockBody(HclToken open)
    {
        var token = Peek();
        if (token.Is(HclTokenKind.Newline))
        {
            var body = ParseBody(open);
            Next();
            return body;
        }

        if (token.Is(HclTokenKind.CloseBrace))
        {
            Next();
            return HclBody.Empty;
        }

        if (token.Is(HclTokenKind.EndOfFile))
        {
            throw Error(open, "Unclosed configuration block",
                "There is no closing brace for this block before the end of the file.");
        }

        if (!token.Is(HclTokenKind.Identifier))
        {
            throw Error(token, "Argument or block definition required",
                "An argument or block definition is required here.");
        }

        if (!Peek(1).Is(HclTokenKind.Assign))
        {
            throw Error(token, "Argument definition required",
                "A single-line block definition can contain only a single argument.");
        }

        Next();
        Next();
        var value = ParseExpression();
        var attribute = new HclAttribute(token.Text, value, token.Line, _last.Line);
        var end = Next();
        if (!end.Is(HclTokenKind.CloseBrace))
        {
            throw Error(end, "Invalid single-argument block definition",
                "A single-line block definition must end with a closing brace immediately after its argument.");
        }

        return new HclBody([attribute], []);
    }

    /// <summary>A quoted string without template sequences, as block labels must be.</summary>
    private string ParseStringLiteral(HclToken open)
    {
        var text = "";
        while (true)
        {
            var token = NextRaw();
            switch (token.Kind)
            {
                case HclTokenKind.TemplateLiteral when token.Error is { } error:
                    throw Error(token, "Invalid escape sequence", error);
                case HclTokenKind.TemplateLiteral:
                    text += token.Text;
                    break;
                case HclTokenKind.CloseQuote:
                    return text;
                case HclTokenKind.TemplateInterpolation or HclTokenKind.TemplateDirective:
                    throw Error(token, "Invalid string literal", "Template sequences are not allowed in this string.");
                default:
                    throw Error(open, "Unterminated template string", "There is no closing quote for this string.");
            }
        }
    }
}
