namespace Carlos.Grains.Terraform;

/// <summary>
/// Splits HCL native syntax into tokens. The lexer keeps a stack of what it is inside (braces, quoted strings,
/// heredocs, template sequences), because the same character means different things in each: a <c>}</c> closes a
/// block in one place and ends a <c>${</c> sequence in another. Characters the language does not use become
/// <see cref="HclTokenKind.Invalid"/> tokens with a diagnostic, reported before any parse error, as HashiCorp's
/// parser does.
/// </summary>
internal sealed partial class HclLexer
{
    private enum Frame { Brace, Sequence, Quoted, Heredoc }

    private readonly string _text;
    private readonly List<HclToken> _tokens = [];
    private readonly List<HclDiagnostic> _diagnostics = [];
    private readonly Stack<(Frame Kind, string Marker)> _frames = new();
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private bool _heredocLineStart;

    private HclLexer(string text) => _text = text;

    public static (IReadOnlyList<HclToken> Tokens, IReadOnlyList<HclDiagnostic> Diagnostics) Lex(string text)
    {
        var lexer = new HclLexer(text);
        lexer.Run();
        return (lexer._tokens, lexer._diagnostics);
    }

    private int Column => _pos - _lineStart + 1;

    private char At(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private bool AtEnd => _pos >= _text.Length;

    private void Run()
    {
        while (!AtEnd)
        {
            switch (_frames.Count > 0 ? _frames.Peek().Kind : Frame.Brace)
            {
                case Frame.Quoted:
                    LexQuoted();
                    break;
                case Frame.Heredoc:
                    LexHeredoc();
                    break;
                default:
                    LexCode();
                    break;
            }
        }

        _tokens.Add(new HclToken(HclTokenKind.EndOfFile, "", _line, Column));
    }

    private void Emit(HclTokenKind kind, int length, string? text = null)
    {
        _tokens.Add(new HclToken(kind, text ?? _text.Substring(_pos, length), _line, Column));
        _pos += length;
    }

    private void NewLine(int length)
    {
        _pos += length;
        _line++;
        _lineStart = _pos;
    }

    private void Invalid(int length, string summary, string detail)
    {
        _diagnostics.Add(new HclDiagnostic(_line, Column, summary, detail));
        Emit(HclTokenKind.Invalid, length);
    }

    private void LexCode()
    {
        var c = At(0);
        switch (c)
        {
            case ' ' or '\t':
                _pos++;
                return;
            case '\r' when At(1) == '\n':
                Emit(HclTokenKind.Newline, 0, "\n");
                NewLine(2);
                return;
            case '\n':
                Emit(HclTokenKind.Newline, 0, "\n");
                NewLine(1);
                return;
            case '#':
            case '/' when At(1) == '/':
                SkipLineComment();
                return;
            case '/' when At(1) == '*' && _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal) is var end and >= 0:
                SkipInlineComment(end + 2);
                return;
            case '"':
                Emit(HclTokenKind.OpenQuote, 1);
                _frames.Push((Frame.Quoted, ""));
                return;
            case '<' when At(1) == '<' && TryHeredoc():
                return;
            case '{':
                Emit(HclTokenKind.OpenBrace, 1);
                _frames.Push((Frame.Brace, ""));
                return;
            case '~' when At(1) == '}' && InSequence():
                _frames.Pop();
                Emit(HclTokenKind.TemplateSequenceEnd, 2);
                return;
            case '}':
                var closesSequence = InSequence();
                if (_frames.Count > 0)
                {
                    _frames.Pop();
                }

                Emit(closesSequence ? HclTokenKind.TemplateSequenceEnd : HclTokenKind.CloseBrace, 1);
                return;
        }

        if (char.IsLetter(c) || c == '_')
        {
            var start = _pos;
            var end = start + 1;
            while (end < _text.Length && (char.IsLetterOrDigit(_text[end]) || _text[end] is '_' or '-'))
            {
                end++;
            }

            Emit(HclTokenKind.Identifier, end - start);
            return;
        }

        if (char.IsAsciiDigit(c))
        {
            Emit(HclTokenKind.Number, NumberLength());
            return;
        }

        LexOperator(c);
    }

    private bool InSequence() => _frames.Count > 0 && _frames.Peek().Kind == Frame.Sequence;

    private void LexOperator(char c)
    {
        var two = AtEnd || _pos + 1 >= _text.Length ? "" : _text.Substring(_pos, 2);
        var (kind, length) = two switch
        {
            "==" => (HclTokenKind.Equal, 2),
            "!=" => (HclTokenKind.NotEqual, 2),
            "<=" => (HclTokenKind.LessOrEqual, 2),
            ">=" => (HclTokenKind.GreaterOrEqual, 2),
            "=>" => (HclTokenKind.FatArrow, 2),
            "&&" => (HclTokenKind.And, 2),
            "||" => (HclTokenKind.Or, 2),
            "::" => (HclTokenKind.DoubleColon, 2),
            _ when c == '.' && At(1) == '.' && At(2) == '.' => (HclTokenKind.Ellipsis, 3),
            _ => (Single(c), 1),
        };
        if (kind != HclTokenKind.Invalid)
        {
            Emit(kind, length);
            return;
        }

        var (summary, detail) = c switch
        {
            '&' => ("Unsupported operator", "Bitwise operators are not supported. Did you mean boolean AND (\"&&\")?"),
            '|' => ("Unsupported operator", "Bitwise operators are not supported. Did you mean boolean OR (\"||\")?"),
            '\'' => ("Invalid character", "Single quotes are not valid. Use double quotes (\") to enclose strings."),
            ';' => ("Invalid character", "The \";\" character is not valid. Use newlines to separate arguments."),
            _ => ("Invalid character", "This character is not used within the language."),
        };
        Invalid(char.IsSurrogate(c) ? 2 : 1, summary, detail);
    }

    private static HclTokenKind Single(char c) => c switch
    {
        '[' => HclTokenKind.OpenBracket,
        ']' => HclTokenKind.CloseBracket,
        '(' => HclTokenKind.OpenParen,
        ')' => HclTokenKind.CloseParen,
        ',' => HclTokenKind.Comma,
        '.' => HclTokenKind.Dot,
        ':' => HclTokenKind.Colon,
        '?' => HclTokenKind.Question,
        '=' => HclTokenKind.Assign,
        '+' => HclTokenKind.Plus,
        '-' => HclTokenKind.Minus,
        '*' => HclTokenKind.Star,
        '/' => HclTokenKind.Slash,
        '%' => HclTokenKind.Percent,
        '!' => HclTokenKind.Not,
        '<' => HclTokenKind.Less,
        '>' => HclTokenKind.Greater,
        _ => HclTokenKind.Invalid,
    };

    private int NumberLength()
    {
        var end = _pos;
        while (end < _text.Length && char.IsAsciiDigit(_text[end]))
        {
            end++;
        }

        if (end + 1 < _text.Length && _text[end] == '.' && char.IsAsciiDigit(_text[end + 1]))
        {
            end += 2;
            while (end < _text.Length && char.IsAsciiDigit(_text[end]))
            {
                end++;
            }
        }

        if (end < _text.Length && _text[end] is 'e' or 'E')
        {
            var digits = end + 1 < _text.Length && _text[end + 1] is '+' or '-' ? end + 2 : end + 1;
            if (digits < _text.Length && char.IsAsciiDigit(_text[digits]))
            {
                end = digits;
                while (end < _text.Length && char.IsAsciiDigit(_text[end]))
                {
                    end++;
                }
            }
        }

        return end - _pos;
    }

    private void SkipLineComment()
    {
        while (!AtEnd && At(0) != '\n' && !(At(0) == '\r' && At(1) == '\n'))
        {
            _pos++;
        }
    }

    private void SkipInlineComment(int end)
    {
        while (_pos < end)
        {
            if (At(0) == '\n')
            {
                NewLine(1);
            }
            else
            {
                _pos++;
            }
        }
    }
}
