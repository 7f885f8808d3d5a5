namespace Carlos.Grains.Terraform;

/// <summary>The kinds of HCL expression the parser builds.</summary>
internal enum HclExpressionKind
{
    /// <summary>A number, <c>true</c>, <c>false</c> or <c>null</c>; the text is the literal.</summary>
    Literal,

    /// <summary>A quoted string or heredoc; the text is its literal parts, the children its interpolations.</summary>
    Template,

    /// <summary>A variable and its attribute names, such as <c>var.location</c>; the text is the dotted path.</summary>
    Traversal,
    FunctionCall,
    Tuple,
    Object,

    /// <summary>A <c>for</c> expression or directive; the text is the names it binds, comma-separated.</summary>
    For,
    Conditional,
    Binary,
    Unary,
    Index,
    GetAttribute,
    Splat,
    Parenthesis,
    TemplateIf,
}

/// <summary>An expression node: its kind, the line it starts on, the expressions inside it and its text.</summary>
internal sealed record HclExpression(
    HclExpressionKind Kind, int Line, IReadOnlyList<HclExpression> Children, string? Text = null)
{
    /// <summary>True for a quoted string without interpolations or directives.</summary>
    public bool IsLiteralString => Kind == HclExpressionKind.Template && Children.Count == 0 && Text is not null;

    public IEnumerable<HclExpression> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var node in child.SelfAndDescendants())
            {
                yield return node;
            }
        }
    }
}

/// <summary>An attribute definition, <c>name = expression</c>, with the lines it spans.</summary>
internal sealed record HclAttribute(string Name, HclExpression Value, int Line, int EndLine);

/// <summary>A block: its type, labels and body, with the lines from its type to its closing brace.</summary>
internal sealed record HclBlock(string Type, IReadOnlyList<string> Labels, HclBody Body, int Line, int EndLine)
{
    public string? Label(int index) => index < Labels.Count ? Labels[index] : null;
}

/// <summary>The attributes and blocks of a file or of a block, in source order each.</summary>
internal sealed record HclBody(IReadOnlyList<HclAttribute> Attributes, IReadOnlyList<HclBlock> Blocks)
{
    public static HclBody Empty { get; } = new([], []);

    public HclAttribute? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name == name);

    public IEnumerable<HclBlock> BlocksOfType(string type) => Blocks.Where(b => b.Type == type);

    /// <summary>Every block of this body and of the blocks inside it, depth first.</summary>
    public IEnumerable<HclBlock> AllBlocks() => Blocks.SelectMany(b => b.Body.AllBlocks().Prepend(b));
}

/// <summary>One parsed file. A file with diagnostics has no body beyond what was read before the first error.</summary>
internal sealed record HclFile(string Name, HclBody Body, IReadOnlyList<HclDiagnostic> Diagnostics)
{
    public bool IsValid => Diagnostics.Count == 0;
}
