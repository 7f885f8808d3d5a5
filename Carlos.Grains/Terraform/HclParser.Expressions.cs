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
            case HclTokenKind.Number when token.Text.Contains('.'):
                throw Error(token, "Invalid legacy index syntax",
                    "When using the legacy index syntax, chaining two indexes together is not permitted.");
            case HclTokenKind.Number:
                return new HclExpression(HclExpressionKind.Index, term.Line, [term, Literal(token)]);
            case HclTokenKind.Star:
                return ParseAttributeSplat(term);
            default:
                throw Error(token, "Invalid attribute name", "An attribute name is required after a dot.");
        }
    }

    /// <summary>After <c>.*</c> only attribute names and legacy indexes may follow, and no second splat.</summary>
    private HclExpression ParseAttributeSplat(HclExpression term)
    {
        while (Peek().Is(HclTokenKind.Dot))
        {
            Next();
            var step = Next();
            if (step.Is(HclTokenKind.Star))
            {
                throw Error(step, "Nested splat expression not allowed",
                    "A splat expression (*) cannot be used inside another attribute-only splat expression.");
            }

            if (!step.Is(HclTokenKind.Identifier) && !step.Is(HclTokenKind.Number))
            {
                throw Error(step, "Invalid attribute name", "An attribute name is required after a dot.");
            }
        }

        return Node(HclExpressionKind.Splat, term.Line, term);
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
            throw Error(RecoveryPoint(HclTokenKind.OpenBracket, HclTokenKind.CloseBracket),
                "Missing close bracket on index", "The index operator must end with a closing bracket (\"]\").");
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
                throw Error(part, "Missing function name",
                    "Function scope resolution symbol :: must be followed by a function name.");
            }

            fullName += "::" + part.Text;
        }

        var open = Next();
        if (!open.Is(HclTokenKind.OpenParen))
        {
            throw Error(open, "Missing open parenthesis",
                "Function selector must be followed by an open parenthesis to begin the function call.");
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
                        "An expanded function argument (with ...) must be immediately followed by a parenthesis.");
                }
            }
            else if (!separator.Is(HclTokenKind.CloseParen))
            {
                throw separator.Is(HclTokenKind.EndOfFile)
                    ? Error(open, "Unterminated function call",
                        "There is no closing parenthesis for this function call.")
                    : Error(separator, "Missing argument separator",
                        "A comma is required to separate each function argument from the next.");
            }
        }

        Next();
        _newlinesCount.Pop();
        return new HclExpression(HclExpressionKind.FunctionCall, name.Line, arguments, fullName);
    }
}
