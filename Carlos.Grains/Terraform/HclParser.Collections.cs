namespace Carlos.Grains.Terraform;

/// <summary>Tuples, objects and <c>for</c> expressions, which share their brackets with collections.</summary>
internal sealed partial class HclParser
{
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
        // A for expression is not newline-sensitive, so "for" may start on the next line.
        _newlinesCount.Push(false);
        if (Peek().IsKeyword("for"))
        {
            var loop = ParseFor(open, objectResult: true);
            _newlinesCount.Pop();
            return loop;
        }

        _newlinesCount.Pop();

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
