using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Carlos.Grains.Documents.Extraction;

/// <summary>
/// DOCX text through the Open XML SDK, walking the body in order: paragraphs one per line, headings as Markdown
/// headings (<c>#</c> per level), tables one row per line with cells joined by <c>|</c>. <c>Body.InnerText</c> would
/// run paragraphs together.
/// </summary>
internal static class DocxTextExtractor
{
    /// <summary>
    /// The longest XML part parsed, in characters. Open XML loads a part as a tree several times its size, so this
    /// bounds memory more tightly than the decompression cap; it is about 10,000 pages of text.
    /// </summary>
    private const long MaxPartCharacters = 32L * 1024 * 1024;

    public static ExtractedText Extract(
        Stream file, long maxDecompressedBytes, int maxCharacters, CancellationToken cancellationToken)
    {
        ZipBombGuard.Check(file, maxDecompressedBytes, cancellationToken);
        var budget = new TextBudget(maxCharacters);
        try
        {
            var settings = new OpenSettings { MaxCharactersInPart = Math.Min(maxDecompressedBytes, MaxPartCharacters) };
            using var document = WordprocessingDocument.Open(file, isEditable: false, settings);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new DocumentRejectedException("The Word document has no body, so it has no text.");
            Walk(body, budget, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DocumentRejectedException)
        {
            throw new DocumentRejectedException("The DOCX file is corrupt, so its text could not be read.");
        }

        return budget.Finish(pages: null, "The Word document has no text.");
    }

    private static void Walk(OpenXmlElement container, TextBudget budget, CancellationToken cancellationToken)
    {
        foreach (var element in container.ChildElements)
        {
            if (budget.IsFull)
            {
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
            switch (element)
            {
                case Paragraph paragraph:
                    var text = ParagraphText(paragraph);
                    if (text.Length > 0)
                    {
                        var level = HeadingLevel(paragraph);
                        budget.AppendLine(level is null ? text : $"{new string('#', level.Value)} {text}");
                    }

                    break;
                case Table table:
                    foreach (var row in table.Elements<TableRow>())
                    {
                        var cells = row.Elements<TableCell>().Select(CellText);
                        budget.AppendLine($"| {string.Join(" | ", cells)} |");
                    }

                    budget.AppendMarker("\n");
                    break;
                default:
                    // Content controls, inserted revisions and the like hold paragraphs of their own.
                    Walk(element, budget, cancellationToken);
                    break;
            }
        }
    }

    private static string CellText(TableCell cell) =>
        string.Join(" ", cell.Descendants<Paragraph>().Select(ParagraphText).Where(t => t.Length > 0));

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var node in paragraph.Descendants())
        {
            switch (node)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
            }
        }

        return text.ToString().Trim();
    }

    private static int? HeadingLevel(Paragraph paragraph)
    {
        var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        if (style is null)
        {
            return null;
        }

        if (style.Equals("Title", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        return style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(style.AsSpan(7), out var level) && level is >= 1 and <= 6
            ? level
            : null;
    }
}
