using System.Diagnostics;
using Carlos.Contracts.Documents;
using Carlos.Grains.Documents;
using Carlos.Grains.Documents.Extraction;
using Microsoft.Extensions.Options;

namespace Carlos.Benchmarks.Documents;

/// <summary>
/// Extracts the 40-page handbook as PDF and as DOCX over and over for a fixed time, through the same extractor the
/// silo uses (temporary file, worker thread, time limit), and prints MB/s and pages/s. The DOCX has no pages of its
/// own; its rate counts the pages LibreOffice laid the same text out on.
/// </summary>
internal static class ExtractionBenchmark
{
    private const int HandbookPages = 40;

    public static async Task RunAsync(TimeSpan duration)
    {
        var extractor = new DocumentExtractor(Options.Create(new DocumentOptions()), TimeProvider.System);
        foreach (var (name, kind) in new[] { ("handbook.pdf", DocumentKind.Pdf), ("handbook.docx", DocumentKind.Docx) })
        {
            var file = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
            await ExtractAsync(extractor, kind, name, file);

            var runs = 0;
            var characters = 0;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < duration)
            {
                characters = (await ExtractAsync(extractor, kind, name, file)).Text.Length;
                runs++;
            }

            var elapsed = clock.Elapsed.TotalSeconds;
            Console.WriteLine(
                $"extract {name,-14} {file.Length / 1024.0,7:0.0} KiB x {runs,4}: {runs * file.Length / elapsed / 1e6,6:0.00} MB/s, " +
                $"{runs * HandbookPages / elapsed,7:0} pages/s, {characters} characters, {elapsed / runs * 1000:0.0} ms each");
        }
    }

    private static Task<ExtractedText> ExtractAsync(DocumentExtractor extractor, DocumentKind kind, string name, byte[] file) =>
        extractor.ExtractAsync(kind, name, 1, _ => Task.FromResult(file), CancellationToken.None);
}
