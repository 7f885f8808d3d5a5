using System.Globalization;
using System.IO.Compression;

namespace Carlos.Grains.Documents.Extraction;

/// <summary>
/// Checks that a PDF's compressed streams do not inflate past the cap before PdfPig, which inflates them in memory,
/// reads it. Every <c>stream ... endstream</c> body that inflates as zlib (Flate) is counted; other encodings are
/// left to the parser.
/// </summary>
internal static class PdfBombGuard
{
    private static readonly byte[] StreamKeyword = "stream"u8.ToArray();
    private static readonly byte[] EndStreamKeyword = "endstream"u8.ToArray();

    public static void Check(byte[] bytes, long maxDecompressedBytes, CancellationToken cancellationToken)
    {
        long total = 0;
        var buffer = new byte[81920];
        var position = 0;
        while (FindStreamBody(bytes, ref position) is var (start, length) && length > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var inflater = new ZLibStream(new MemoryStream(bytes, start, length), CompressionMode.Decompress);
                int read;
                while ((read = inflater.Read(buffer)) > 0)
                {
                    total += read;
                    if (total > maxDecompressedBytes)
                    {
                        throw TooLarge(maxDecompressedBytes);
                    }
                }
            }
            catch (InvalidDataException)
            {
                // Not Flate, or damaged: the parser decides what that means.
            }
        }
    }

    private static DocumentRejectedException TooLarge(long cap)
    {
        var mebibytes = (cap / (1024 * 1024)).ToString("N0", CultureInfo.InvariantCulture);
        return new DocumentRejectedException($"The PDF's compressed content inflates to more than {mebibytes} MiB, "
            + "the most Carlos unpacks; it looks like a decompression bomb.");
    }

    /// <summary>The next stream body after <paramref name="position"/>, skipping the end-of-line after the keyword.</summary>
    private static (int Start, int Length)? FindStreamBody(byte[] bytes, ref int position)
    {
        while (position < bytes.Length)
        {
            var found = bytes.AsSpan(position).IndexOf(StreamKeyword);
            if (found < 0)
            {
                return null;
            }

            var keyword = position + found;
            position = keyword + StreamKeyword.Length;
            var isEnd = keyword >= 3 && bytes.AsSpan(keyword - 3, 3).SequenceEqual("end"u8);
            if (isEnd || position >= bytes.Length || (bytes[position] != '\r' && bytes[position] != '\n'))
            {
                continue;
            }

            var start = position + (bytes[position] == '\r' && position + 1 < bytes.Length && bytes[position + 1] == '\n'
                ? 2
                : 1);
            var end = bytes.AsSpan(start).IndexOf(EndStreamKeyword);
            if (end < 0)
            {
                return null;
            }

            position = start + end + EndStreamKeyword.Length;
            return (start, end);
        }

        return null;
    }
}
