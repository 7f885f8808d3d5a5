namespace Carlos.Grains.Terraform;

/// <summary>The expression language: operators by precedence, terms, collections, calls and traversals.</summary>
internal sealed partial class HclParser
{
    /// <summary>Binary operators from the loosest to the tightest binding; each level is left-associative.</summary>
    private static readonly HclTokenKind[][] Precedence =
    [
        [HclTokenKind.Or],
        [HclTokenKind.And],
        [HclTokenKind.Equal, HclTokenKind.NotEqual],
        [HclTokenKind.Less, HclTokenKind.Greater, HclTokenKind.LessOrEqual, HclTokenKind.GreaterOrEqual],
        [HclTokenKind.Plus, HclTokenKind.Minus],
        [HclTokenKind.Star, HclTokenKind.Slash, HclTokenKind.Percent],
    ];

    private HclExpression ParseExpression()
    {
        var condition = ParseBinary(0);
        if (!Peek().Is(HclTokenKind.Question))
        {
            return condition;
        }

        Next();
        var whenTrue = ParseExpression();
        var colon = Next();
        if (!colon.Is(HclTokenKind.Colon))
        {
            throw Error(colon, "Missing false expression in conditional",
                "The conditional operator (...?...:...) requires a false expression, delimited by a colon.");
        }

        var whenFalse = ParseExpression();
        return Node(HclExpressionKind.Conditional, condition.Line, condition, whenTrue, whenFalse);
    }

    private HclExpression ParseBinary(int level)
    {
        if (level == Precedence.Length)
        {
            return ParseUnary();
        }

        var left = ParseBinary(level + 1);
        while (Precedence[level].Contains(Peek().Kind))
        {
            var op = Next();
            var right = ParseBinary(level + 1);
            left = new HclExpression(HclExpressionKind.Binary, left.Line, [left, right], op.Text);
        }

        return left;
    }

    private HclExpression ParseUnary()
    {
        var token = Peek();
        if (!token.Is(HclTokenKind.Minus) && !token.Is(HclTokenKind.Not))
        {
            return ParseTerm();
        }

        Next();
        return new HclExpression(HclExpressionKind.Unary, token.Line, [ParseUnary()], token.Text);
    }

    private HclExpression ParseTerm()
    {
        var term = ParsePrimary();
        while (true)
        {
            var token = Peek();
            if (token.Is(HclTokenKind.Dot))
            {
                Next();
                term = ParseAfterDot(term);
            }
            else if (token.Is(HclTokenKind.OpenBracket))
            {
                term = ParseIndex(term, Next());
            }
            else
            {
                return term;
            }
        }
    }

    private HclExpression ParseAfterDot(HclExpression term)
    {
        var token = Next();
        switch (token.Kind)
        {
            case HclTokenKind.Identifier when term.Kind == HclExpressionKind.Traversal:
                return term with { Text = $"{term.Text}.{token.Text}" };
            case HclTokenKind.Identifier:
                return new HclExpression(HclExpressionKind.GetAttribute, term.Line, [term], token.Text);
            case HclTokenKind.Number:
                return new HclExpression(HclExpressionKind.Index, term.Line, [term, Literal(token)]);
            case HclTokenKind.Star:
                return Node(HclExpressionKind.Splat, term.Line, term);
            default:
                throw Error(token, "Invalid attribute name", "An attribute name is required after a dot.");
        }
    }

    private HclExpression ParseIndex(HclExpression term, HclToken open)
    {
        _newlinesCount.Push(false);
        if (Peek().Is(HclTokenKind.Star))
        {
            Next();
            if (!Next().Is(HclTokenKind.CloseBracket))
            {
                throw Error(RecoveryPoint(HclTokenKind.OpenBracket, HclTokenKind.CloseBracket),
                    "Missing close bracket on splat index",
                    "The star for a full splat operator must be immediately followed by a closing bracket (\"]\").");
            }

            _newlinesCount.Pop();
            return Node(HclExpressionKind.Splat, term.Line, term);
        }

        var key = ParseExpression();
        var close = Next();
        if (!close.Is(HclTokenKind.CloseBracket))
        {
            // HashiCorp's parser reports this error where its recovery stops, at the next closing bracket.
            throw Error(RecoveryPoint(HclTokenKind.OpenBracket, HclTokenKind.CloseBracket), "Missing close bracket on index",
                "The index operator must end with a closing bracket (\"]\").");
        }

        _newlinesCount.Pop();
        return new HclExpression(HclExpressionKind.Index, open.Line, [term, key]);
    }

    /// <summary>The next closer of a kind that is not nested in another pair, or the end of the file.</summary>
    private HclToken RecoveryPoint(HclTokenKind opener, HclTokenKind closer)
    {
        var depth = 0;
        for (var i = _index; ; i++)
        {
            var token = _tokens[i];
            if (token.Is(HclTokenKind.EndOfFile) || token.Kind == closer && depth == 0)
            {
                return token;
            }

            depth += token.Kind == opener ? 1 : token.Kind == closer ? -1 : 0;
        }
    }

    private HclExpression ParsePrimary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case HclTokenKind.Number:
                return Literal(token);
            case HclTokenKind.Identifier when Peek().Is(HclTokenKind.OpenParen) || Peek().Is(HclTokenKind.DoubleColon):
                return ParseFunctionCall(token);
            case HclTokenKind.Identifier when token.Text is "true" or "false" or "null":
                return Literal(token);
            case HclTokenKind.Identifier:
                return new HclExpression(HclExpressionKind.Traversal, token.Line, [], token.Text);
            case HclTokenKind.OpenParen:
                return ParseParenthesis(token);
            case HclTokenKind.OpenBracket:
                return ParseTuple(token);
            case HclTokenKind.OpenBrace:
                return ParseObject(token);
            case HclTokenKind.OpenQuote or HclTokenKind.OpenHeredoc:
                return ParseTemplate(token);
            case HclTokenKind.EndOfFile:
                throw Error(token, "Missing expression",
                    "Expected the start of an expression, but found the end of the file.");
            default:
                throw Error(token, "Invalid expression",
                    "Expected the start of an expression, but found an invalid expression token.");
        }
    }

    private static HclExpression Literal(HclToken token) => new(HclExpressionKind.Literal, token.Line, [], token.Text);

    private static HclExpression Node(HclExpressionKind kind, int line, params HclExpression[] children) =>
        new(kind, line, children);

    private HclExpression ParseParenthesis(HclToken open)
    {
        _newlinesCount.Push(false);
        var inner = ParseExpression();
        var close = Next();
        if (!close.Is(HclTokenKind.CloseParen))
        {
            throw Error(close, "Unbalanced parentheses",
                "Expected a closing parenthesis to terminate the expression.");
        }

        _newlinesCount.Pop();
        return Node(HclExpressionKind.Parenthesis, open.Line, inner);
    }

    private HclExpression ParseFunctionCall(HclToken name)
    {
        var fullName = name.Text;
        while (Peek().Is(HclTokenKind.DoubleColon))
        {
            Next();
            var part = Next();
            if (!part.Is(HclTokenKind.Identifier))
            {
                throw Error(part, "Missing function name", "Function scope resolution symbol :: must be followed by a name.");
            }

            fullName += "::" + part.Text;
        }

        var open = Next();
        if (!open.Is(HclTokenKind.OpenParen))
        {
            throw Error(open, "Function call expected", "A namespaced function name must be followed by its arguments.");
        }

        _newlinesCount.Push(false);
        var arguments = new List<HclExpression>();
        while (!Peek().Is(HclTokenKind.CloseParen))
        {
            arguments.Add(ParseExpression());
            var separator = Peek();
            if (separator.Is(HclTokenKind.Comma))
            {
                Next();
            }
            else if (separator.Is(HclTokenKind.Ellipsis))
            {
                Next();
                if (!Peek().Is(HclTokenKind.CloseParen))
                {
                    throw Error(Peek(), "Missing closing parenthesis",
                        "An expanded function argument (with ...) must be immediately followed by closing parentheses.");
                }
            }
            else if (!separator.Is(HclTokenKind.CloseParen))
            {
                throw separator.Is(HclTokenKind.EndOfFile)
                    ? Error(open, "Unterminated function call", "There is no closing parenthesis for this function call.")
                    : Error(separator, "Missing argument separator",
                        "A comma is required to separate each function argument from the next.");
            }
        }

        Next();
        _newlinesCount.Pop();
        return new HclExpression(HclExpressionKind.FunctionCall, name.Line, arguments, fullName);
    }

    private HclExpression ParseTuple(HclToken open)
    {
        _newlinesCount.Push(false);
        if (Peek().IsKeyword("for"))
        {
            var loop = ParseFor(open, objectResult: false);
            _newlinesCount.Pop();
            return loop;
        }

        var items = new List<HclExpression>();
        while (!Peek().Is(HclTokenKind.CloseBracket))
        {
            items.Add(ParseExpression());
            var separator = Peek();
            if (separator.Is(HclTokenKind.Comma))
            {
                Next();
            }
            else if (!separator.Is(HclTokenKind.CloseBracket))
            {
                throw separator.Is(HclTokenKind.EndOfFile)
                    ? Error(open, "Unterminated tuple constructor expression",
                        "There is no corresponding closing bracket before the end of the file.")
                    : Error(separator, "Missing item separator", "Expected a comma to mark the beginning of the next item.");
            }
        }

        Next();
        _newlinesCount.Pop();
        return new HclExpression(HclExpressionKind.Tuple, open.Line, items);
    }

    private HclExpression ParseObject(HclToken open)
    {
        if (Peek().IsKeyword("for"))
        {
            _newlinesCount.Push(false);
            var loop = ParseFor(open, objectResult: true);
            _newlinesCount.Pop();
            return loop;
        }

        _newlinesCount.Push(true);
        var items = new List<HclExpression>();
        while (true)
        {
            while (Peek().Is(HclTokenKind.Newline))
            {
                Next();
            }

            if (Peek().Is(HclTokenKind.CloseBrace))
            {
                Next();
                break;
            }

            var key = ParseObjectKey();
            var equals = Next();
            if (equals.Is(HclTokenKind.EndOfFile))
            {
                throw Error(open, "Unterminated object constructor expression",
                    "There is no corresponding closing brace before the end of the file.");
            }

            if (!equals.Is(HclTokenKind.Assign) && !equals.Is(HclTokenKind.Colon))
            {
                throw Error(equals, "Missing key/value separator",
                    "Expected an equals sign (\"=\") to mark the beginning of the attribute value.");
            }

            items.Add(key);
            items.Add(ParseExpression());
            var separator = Peek();
            if (separator.Is(HclTokenKind.Comma) || separator.Is(HclTokenKind.Newline))
            {
                Next();
            }
            else if (!separator.Is(HclTokenKind.CloseBrace))
            {
                throw separator.Is(HclTokenKind.EndOfFile)
                    ? Error(open, "Unterminated object constructor expression",
                        "There is no corresponding closing brace before the end of the file.")
                    : Error(separator, "Missing attribute separator",
                        "Expected a newline or comma to mark the beginning of the next attribute.");
            }
        }

        _newlinesCount.Pop();
        return new HclExpression(HclExpressionKind.Object, open.Line, items);
    }

    /// <summary>A bare identifier before <c>=</c> or <c>:</c> is a literal key, not a variable.</summary>
    private HclExpression ParseObjectKey()
    {
        var token = Peek();
        if (token.Is(HclTokenKind.Identifier) && Peek(1).Kind is HclTokenKind.Assign or HclTokenKind.Colon)
        {
            Next();
            return new HclExpression(HclExpressionKind.Template, token.Line, [], token.Text);
        }

        return ParseExpression();
    }

    private HclExpression ParseFor(HclToken open, bool objectResult)
    {
        Next();
        var names = new List<string> { ForName(Next(), "For expression requires variable name after 'for'.") };
        if (Peek().Is(HclTokenKind.Comma))
        {
            Next();
            names.Add(ForName(Next(), "For expression requires value variable name after comma."));
        }

        var keyword = Next();
        if (!keyword.IsKeyword("in"))
        {
            throw Error(keyword, "Invalid 'for' expression", "For expression requires the 'in' keyword after its names.");
        }

        var parts = new List<HclExpression> { ParseExpression() };
        var colon = Next();
        if (!colon.Is(HclTokenKind.Colon))
        {
            throw Error(colon, "Invalid 'for' expression",
                "For expression requires a colon after the collection expression.");
        }

        parts.Add(ParseExpression());
        if (objectResult)
        {
            var arrow = Next();
            if (!arrow.Is(HclTokenKind.FatArrow))
            {
                throw Error(arrow, "Invalid 'for' expression",
                    "Key expression in 'for' expression must be followed by an arrow (=>).");
            }

            parts.Add(ParseExpression());
            if (Peek().Is(HclTokenKind.Ellipsis))
            {
                Next();
            }
        }

        if (Peek().IsKeyword("if"))
        {
            Next();
            parts.Add(ParseExpression());
        }

        var close = Next();
        if (!close.Is(objectResult ? HclTokenKind.CloseBrace : HclTokenKind.CloseBracket))
        {
            throw Error(close, "Invalid 'for' expression", "Extra characters after the end of the 'for' expression.");
        }

        return new HclExpression(HclExpressionKind.For, open.Line, parts, string.Join(',', names));
    }

    private static string ForName(HclToken token, string detail) =>
        token.Is(HclTokenKind.Identifier) ? token.Text : throw Error(token, "Invalid 'for' expression", detail);
}
