using System.Globalization;
using System.IO.Compression;

namespace Carlos.Grains.Documents.Extraction;

/// <summary>
/// Checks a DOCX before anything parses it: a readable zip, a <c>word/document.xml</c> part, and parts that really
/// decompress to no more than the cap. Declared sizes can lie, so every part is inflated and counted.
/// </summary>
internal static class ZipBombGuard
{
    public static void Check(Stream file, long maxDecompressedBytes, CancellationToken cancellationToken)
    {
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("word/document.xml") is null)
            {
                throw new DocumentRejectedException(
                    "The file is a zip archive but not a Word document: it has no word/document.xml part.");
            }

            if (zip.Entries.Sum(e => e.Length) > maxDecompressedBytes)
            {
                throw TooLarge(maxDecompressedBytes);
            }

            var buffer = new byte[81920];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                using var part = entry.Open();
                int read;
                while ((read = part.Read(buffer)) > 0)
                {
                    total += read;
                    if (total > maxDecompressedBytes)
                    {
                        throw TooLarge(maxDecompressedBytes);
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            throw new DocumentRejectedException(
                "The DOCX file is corrupt or truncated: its zip structure could not be read.");
        }
        finally
        {
            file.Seek(0, SeekOrigin.Begin);
        }
    }

    private static DocumentRejectedException TooLarge(long cap) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The DOCX file decompresses to more than "
            + $"{cap / (1024 * 1024):N0} MiB, the most Carlos unpacks; it looks like a zip bomb."));
}
