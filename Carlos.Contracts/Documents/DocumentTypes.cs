using System.Text;

namespace Carlos.Contracts.Documents;

/// <summary>
/// Tells a document's type from its first bytes (magic numbers), not from its name: PDF, DOCX (a zip archive with
/// Word parts) or UTF-8 text. The name only tells Markdown from plain text, and whether it matches the content.
/// </summary>
public static class DocumentTypes
{
    /// <summary>The bytes the gateway looks at; one upload chunk.</summary>
    public const int HeadBytes = IDocumentGrain.ChunkBytes;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] WordDocumentPart = "word/document.xml"u8.ToArray();

    /// <summary>
    /// The type of a file that starts with <paramref name="head"/>, or null when it is none Carlos reads. A zip is a
    /// DOCX only when its first entries name <c>word/document.xml</c>, as Word and LibreOffice files do (the part
    /// comes before any images); the extractor checks the whole archive again.
    /// </summary>
    public static DocumentKind? Detect(ReadOnlySpan<byte> head, string fileName)
    {
        if (head.IsEmpty)
        {
            return null;
        }

        // The PDF specification lets readers accept the header anywhere in the first kilobyte.
        if (head[..Math.Min(head.Length, 1024)].IndexOf(PdfMagic) >= 0)
        {
            return DocumentKind.Pdf;
        }

        if (head.StartsWith(ZipMagic))
        {
            return head.IndexOf(WordDocumentPart) >= 0 ? DocumentKind.Docx : null;
        }

        return LooksLikeUtf8Text(head) ? TextKind(fileName) : null;
    }

    /// <summary>The kind a file's extension claims, or null when the extension says nothing Carlos knows.</summary>
    public static DocumentKind? KindFromName(string fileName) =>
        Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".PDF" => DocumentKind.Pdf,
            ".DOCX" => DocumentKind.Docx,
            ".TXT" or ".TEXT" => DocumentKind.Text,
            ".MD" or ".MARKDOWN" => DocumentKind.Markdown,
            _ => null,
        };

    /// <summary>True when a file's extension claims another type than its content has.</summary>
    public static bool NameContradicts(DocumentKind detected, string fileName) =>
        KindFromName(fileName) is { } claimed && Family(claimed) != Family(detected);

    private static DocumentKind TextKind(string fileName) =>
        KindFromName(fileName) == DocumentKind.Markdown ? DocumentKind.Markdown : DocumentKind.Text;

    private static DocumentKind Family(DocumentKind kind) => kind == DocumentKind.Markdown ? DocumentKind.Text : kind;

    private static bool LooksLikeUtf8Text(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        // A chunk may end inside a multi-byte character: judge only the complete characters.
        var status = System.Text.Unicode.Utf8.ToUtf16(head, new char[head.Length], out var read, out _,
            replaceInvalidSequences: false, isFinalBlock: false);
        if (status == System.Buffers.OperationStatus.InvalidData || head.Length - read > 3)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(head[..read]);
        var controls = text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'));
        return controls * 100 <= text.Length;
    }
}
