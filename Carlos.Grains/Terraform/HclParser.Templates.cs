using System.Text;

namespace Carlos.Grains.Terraform;

/// <summary>The template language: literal runs, <c>${ }</c> interpolations and <c>%{ }</c> directives.</summary>
internal sealed partial class HclParser
{
    private HclExpression ParseTemplate(HclToken open)
    {
        var heredoc = open.Is(HclTokenKind.OpenHeredoc);
        var literal = new StringBuilder();
        var parts = new List<HclExpression>();
        var directives = new Stack<(string Keyword, HclToken At)>();
        while (true)
        {
            var token = NextRaw();
            switch (token.Kind)
            {
                case HclTokenKind.TemplateLiteral when token.Error is { } error:
                    throw Error(token, "Invalid escape sequence", error);
                case HclTokenKind.TemplateLiteral:
                    literal.Append(token.Text);
                    break;
                case HclTokenKind.TemplateInterpolation:
                    parts.Add(ParseSequence(ParseExpression)!);
                    break;
                case HclTokenKind.TemplateDirective:
                    if (ParseSequence(() => ParseDirective(directives)) is { } directive)
                    {
                        parts.Add(directive);
                    }

                    break;
                case HclTokenKind.CloseQuote when !heredoc:
                case HclTokenKind.CloseHeredoc when heredoc:
                    if (directives.TryPeek(out var unclosed))
                    {
                        var end = unclosed.Keyword == "for" ? "endfor" : "endif";
                        throw Error(token, "Unexpected end of template",
                            $"The {unclosed.Keyword} directive at line {unclosed.At.Line} has no {end} directive.");
                    }

                    return new HclExpression(HclExpressionKind.Template, open.Line, parts, literal.ToString());
                default:
                    throw Error(token, "Unterminated template string",
                        heredoc
                            ? "No closing marker was found for the string."
                            : "There is no closing quote for this string.");
            }
        }
    }

    private HclExpression? ParseSequence(Func<HclExpression?> inner)
    {
        _newlinesCount.Push(false);
        var result = inner();
        var end = Next();
        if (!end.Is(HclTokenKind.TemplateSequenceEnd))
        {
            throw end.Is(HclTokenKind.EndOfFile)
                ? Error(end, "Unclosed template interpolation sequence", "There is no closing brace for this sequence.")
                : Error(end, "Extra characters after interpolation expression",
                    "Expected a closing brace to end the interpolation expression.");
        }

        _newlinesCount.Pop();
        return result;
    }

    private HclExpression? ParseDirective(Stack<(string Keyword, HclToken At)> directives)
    {
        var keyword = Next();
        switch (keyword.Text)
        {
            case "if" when keyword.Is(HclTokenKind.Identifier):
                directives.Push(("if", keyword));
                return new HclExpression(HclExpressionKind.TemplateIf, keyword.Line, [ParseExpression()]);
            case "else" when directives.TryPeek(out var open) && open.Keyword == "if":
                directives.Pop();
                directives.Push(("else", keyword));
                return null;
            case "endif" when directives.TryPeek(out var open) && open.Keyword is "if" or "else":
                directives.Pop();
                return null;
            case "for" when keyword.Is(HclTokenKind.Identifier):
                directives.Push(("for", keyword));
                return ParseDirectiveFor(keyword);
            case "endfor" when directives.TryPeek(out var open) && open.Keyword == "for":
                directives.Pop();
                return null;
            case "else" or "endif" or "endfor":
                throw Error(keyword, $"Unexpected {keyword.Text} directive",
                    $"The {keyword.Text} directive does not match an open directive.");
            default:
                throw Error(keyword, "Invalid template directive",
                    "A template directive keyword (\"if\", \"for\", etc) is expected at the start of a %{ sequence.");
        }
    }

    private HclExpression ParseDirectiveFor(HclToken keyword)
    {
        var names = new List<string> { ForName(Next(), "For directive requires variable name after 'for'.") };
        if (Peek().Is(HclTokenKind.Comma))
        {
            Next();
            names.Add(ForName(Next(), "For directive requires value variable name after comma."));
        }

        var inKeyword = Next();
        if (!inKeyword.IsKeyword("in"))
        {
            throw Error(inKeyword, "Invalid 'for' directive", "For directive requires 'in' keyword after names.");
        }

        return new HclExpression(HclExpressionKind.For, keyword.Line, [ParseExpression()], string.Join(',', names));
    }
}
