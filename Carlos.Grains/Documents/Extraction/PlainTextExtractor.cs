using System.Text;

namespace Carlos.Grains.Documents.Extraction;

/// <summary>
/// UTF-8 text and Markdown, read strictly: a leading byte order mark is dropped; invalid UTF-8 fails.
/// </summary>
internal static class PlainTextExtractor
{
    private static readonly UTF8Encoding Strict =
        new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ExtractedText Extract(Stream file, int maxCharacters, CancellationToken cancellationToken)
    {
        var budget = new TextBudget(maxCharacters);
        using var reader = new StreamReader(file, Strict, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var buffer = new char[64 * 1024];
        var first = true;
        try
        {
            int read;
            while (!budget.IsFull && (read = reader.Read(buffer)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var piece = new string(buffer, 0, read);
                if (first && piece.StartsWith('\uFEFF'))
                {
                    piece = piece[1..];
                }

                if (piece.Contains('\0', StringComparison.Ordinal))
                {
                    throw new DocumentRejectedException("The file is not text: it contains NUL bytes.");
                }

                first = false;
                budget.Append(piece.Replace("\r\n", "\n", StringComparison.Ordinal));
            }
        }
        catch (DecoderFallbackException)
        {
            throw new DocumentRejectedException(
                "The file is not valid UTF-8 text; save it as UTF-8 and upload it again.");
        }

        return budget.Finish(pages: null, "The file has no text.");
    }
}
