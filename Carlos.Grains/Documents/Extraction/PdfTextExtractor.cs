using System.Globalization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Carlos.Grains.Documents.Extraction;

/// <summary>
/// PDF text through PdfPig's content-order extractor, which builds words from letter positions, so that spaces
/// survive even in PDFs that do not encode them (<c>page.Text</c> loses them). Pages are separated by a
/// <c>--- page N ---</c> line.
/// </summary>
internal static class PdfTextExtractor
{
    private static readonly byte[] EndOfFile = "%%EOF"u8.ToArray();

    public static ExtractedText Extract(
        Stream file, long maxDecompressedBytes, int maxCharacters, CancellationToken cancellationToken)
    {
        // One copy in memory (at most MaxUploadBytes), shared by the checks and the parser.
        var bytes = new byte[file.Length];
        file.ReadExactly(bytes);
        RejectTruncated(bytes);
        PdfBombGuard.Check(bytes, maxDecompressedBytes, cancellationToken);

        PdfDocument document;
        try
        {
            document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new DocumentRejectedException(
                "The PDF is encrypted (password-protected); save it without a password and upload it again.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Corrupt();
        }

        using (document)
        {
            var budget = new TextBudget(maxCharacters);
            var pages = 0;
            try
            {
                pages = document.NumberOfPages;
                for (var number = 1; number <= pages && !budget.IsFull; number++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (number > 1)
                    {
                        budget.AppendMarker(
                            string.Create(CultureInfo.InvariantCulture, $"\n\n--- page {number} ---\n\n"));
                    }

                    budget.AppendLine(ContentOrderTextExtractor.GetText(document.GetPage(number)).Trim());
                }
            }
            catch (PdfDocumentEncryptedException)
            {
                throw new DocumentRejectedException("The PDF is encrypted (password-protected).");
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not DocumentRejectedException)
            {
                throw Corrupt();
            }

            return budget.Finish(pages,
                "The PDF has no text to extract: it may hold only scanned images, or its content is damaged.");
        }
    }

    /// <summary>
    /// A PDF ends with <c>%%EOF</c> (perhaps followed by whitespace); without it, the file was cut short.
    /// </summary>
    private static void RejectTruncated(byte[] bytes)
    {
        if (bytes.AsSpan(Math.Max(0, bytes.Length - 2048)).LastIndexOf(EndOfFile) < 0)
        {
            throw new DocumentRejectedException(
                "The PDF is truncated: it has no end-of-file marker, so part of it is missing. Upload the whole file.");
        }
    }

    private static DocumentRejectedException Corrupt() =>
        new("The PDF is corrupt or not a valid PDF, so its text could not be read.");
}
