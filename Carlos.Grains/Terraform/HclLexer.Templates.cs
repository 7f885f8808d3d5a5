using System.Text;

namespace Carlos.Grains.Terraform;

/// <summary>The lexer inside templates: quoted strings with their escapes, heredocs and their closing markers.</summary>
internal sealed partial class HclLexer
{
    /// <summary>A heredoc opener is <c>&lt;&lt;</c> or <c>&lt;&lt;-</c>, an identifier, and the end of the line.</summary>
    private bool TryHeredoc()
    {
        var start = _pos + 2;
        if (start < _text.Length && _text[start] == '-')
        {
            start++;
        }

        var end = start;
        while (end < _text.Length && (char.IsLetterOrDigit(_text[end]) || _text[end] is '_' or '-'))
        {
            end++;
        }

        var newline = end < _text.Length && _text[end] == '\n' ? 1
            : end + 1 < _text.Length && _text[end] == '\r' && _text[end + 1] == '\n' ? 2 : 0;
        if (end == start || !char.IsLetter(_text[start]) && _text[start] != '_' || newline == 0)
        {
            return false;
        }

        var marker = _text[start..end];
        Emit(HclTokenKind.OpenHeredoc, end - _pos);
        NewLine(newline);
        _frames.Push((Frame.Heredoc, marker));
        _heredocLineStart = true;
        return true;
    }

    private void LexQuoted()
    {
        var literal = new StringBuilder();
        var line = _line;
        var column = Column;
        string? error = null;
        while (!AtEnd)
        {
            var c = At(0);
            if (c == '"' || c == '\n' || c == '\r' && At(1) == '\n' || IsSequenceStart())
            {
                break;
            }

            if (c is '$' or '%' && At(1) == c && At(2) == '{')
            {
                literal.Append(c).Append('{');
                _pos += 3;
                continue;
            }

            if (c == '\\')
            {
                // Every escape is decoded, so that the lexer moves past it; the first bad one is the error.
                var escapeError = Escape(literal);
                error ??= escapeError;
                continue;
            }

            literal.Append(c);
            _pos++;
        }

        if (literal.Length > 0 || error is not null)
        {
            _tokens.Add(new HclToken(HclTokenKind.TemplateLiteral, literal.ToString(), line, column, error));
        }

        if (AtEnd)
        {
            _frames.Pop();
        }
        else if (At(0) == '"')
        {
            _frames.Pop();
            Emit(HclTokenKind.CloseQuote, 1);
        }
        else if (At(0) is '\n' or '\r')
        {
            _diagnostics.Add(new HclDiagnostic(_line, Column, "Invalid multi-line string",
                "Quoted strings may not be split over multiple lines."));
            _frames.Pop();
        }
        else
        {
            OpenSequence();
        }
    }

    private bool IsSequenceStart() => At(0) is '$' or '%' && At(1) == '{';

    private void OpenSequence()
    {
        var kind = At(0) == '$' ? HclTokenKind.TemplateInterpolation : HclTokenKind.TemplateDirective;
        Emit(kind, At(2) == '~' ? 3 : 2);
        _frames.Push((Frame.Sequence, ""));
    }

    /// <summary>Decodes one escape sequence of a quoted string; answers the error for a bad one.</summary>
    private string? Escape(StringBuilder literal)
    {
        var selector = At(1);
        _pos += 2;
        switch (selector)
        {
            case 'n': literal.Append('\n'); return null;
            case 'r': literal.Append('\r'); return null;
            case 't': literal.Append('\t'); return null;
            case '"': literal.Append('"'); return null;
            case '\\': literal.Append('\\'); return null;
            case 'u' or 'U':
                var digits = selector == 'u' ? 4 : 8;
                var hex = _pos + digits <= _text.Length ? _text.Substring(_pos, digits) : "";
                if (hex.Length == digits && hex.All(char.IsAsciiHexDigit))
                {
                    _pos += digits;
                    var code = Convert.ToUInt32(hex, 16);
                    if (code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
                    {
                        return $"Cannot encode character U+{hex.ToLowerInvariant()} in UTF-8.";
                    }

                    literal.Append(char.ConvertFromUtf32((int)code));
                    return null;
                }

                return $"The \\{selector} escape sequence needs {digits} hexadecimal digits.";
            default:
                if (selector is '\n' or '\r' or '\0')
                {
                    _pos--;
                }

                return $"The symbol \"{selector}\" is not a valid escape sequence selector.";
        }
    }

    private void LexHeredoc()
    {
        var marker = _frames.Peek().Marker;
        if (_heredocLineStart && IsClosingMarker(marker, out var length))
        {
            _frames.Pop();
            Emit(HclTokenKind.CloseHeredoc, length);
            _heredocLineStart = false;
            return;
        }

        var literal = new StringBuilder();
        var line = _line;
        var column = Column;
        _heredocLineStart = false;
        while (!AtEnd && !IsSequenceStart())
        {
            var c = At(0);
            if (c is '$' or '%' && At(1) == c && At(2) == '{')
            {
                literal.Append(c).Append('{');
                _pos += 3;
                continue;
            }

            literal.Append(c);
            if (c == '\n')
            {
                NewLine(1);
                _heredocLineStart = true;
                break;
            }

            _pos++;
        }

        if (literal.Length > 0)
        {
            _tokens.Add(new HclToken(HclTokenKind.TemplateLiteral, literal.ToString(), line, column));
        }

        if (AtEnd)
        {
            _frames.Pop();
        }
        else if (!_heredocLineStart)
        {
            OpenSequence();
        }
    }

    private bool IsClosingMarker(string marker, out int length)
    {
        var start = _pos;
        while (start < _text.Length && _text[start] is ' ' or '\t')
        {
            start++;
        }

        var end = start + marker.Length;
        length = end - _pos;
        if (end > _text.Length || string.CompareOrdinal(_text, start, marker, 0, marker.Length) != 0)
        {
            return false;
        }

        // The marker may be followed by spaces, but then by a newline: a marker at the very end of the file does
        // not close the heredoc, as in HashiCorp's parser.
        while (end < _text.Length && _text[end] is ' ' or '\t')
        {
            end++;
        }

        length = end - _pos;
        return end < _text.Length && (_text[end] == '\n'
            || _text[end] == '\r' && end + 1 < _text.Length && _text[end + 1] == '\n');
    }
}
