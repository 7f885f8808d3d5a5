namespace Carlos.Contracts.Documents;

/// <summary>The type of a document, as detected from its content rather than its name.</summary>
public enum DocumentKind
{
    Pdf = 0,
    Docx = 1,

    /// <summary>UTF-8 text (a byte order mark is tolerated).</summary>
    Text = 2,

    /// <summary>UTF-8 text whose name ends in <c>.md</c> or <c>.markdown</c>.</summary>
    Markdown = 3,
}
