namespace Carlos.Grains.Terraform;

/// <summary>The kinds of token the HCL lexer produces; templates add their own delimiters and literal runs.</summary>
internal enum HclTokenKind
{
    Identifier,
    Number,
    OpenQuote,
    CloseQuote,
    OpenHeredoc,
    CloseHeredoc,
    TemplateLiteral,
    TemplateInterpolation,
    TemplateDirective,
    TemplateSequenceEnd,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    OpenParen,
    CloseParen,
    Comma,
    Dot,
    Ellipsis,
    Colon,
    DoubleColon,
    Question,
    Assign,
    FatArrow,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    And,
    Or,
    Not,
    Equal,
    NotEqual,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    Newline,
    EndOfFile,
    Invalid,
}

/// <summary>
/// One token with its 1-based position. A template literal carries the error of a bad escape sequence in it, which
/// the parser reports when it reaches the literal, as HashiCorp's parser does.
/// </summary>
internal readonly record struct HclToken(HclTokenKind Kind, string Text, int Line, int Column, string? Error = null)
{
    public bool Is(HclTokenKind kind) => Kind == kind;

    public bool IsKeyword(string keyword) => Kind == HclTokenKind.Identifier && Text == keyword;
}
