using System.ComponentModel.DataAnnotations;

namespace Carlos.Grains.Documents;

/// <summary>Limits of document storage and extraction on the silo (<c>Carlos:Documents</c>).</summary>
public sealed class DocumentOptions
{
    public const string SectionName = "Carlos:Documents";

    /// <summary>The largest file a document may hold, in bytes. Default 50 MiB; gateways read the same key.</summary>
    [Range(1, 1024L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// The most bytes the parts of a DOCX, or the compressed streams of a PDF, may inflate to, together. Default
    /// 256 MiB; a file above it is treated as a decompression bomb and fails.
    /// </summary>
    [Range(1024, 16L * 1024 * 1024 * 1024)]
    public long MaxDecompressedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>The most characters a document keeps; longer text is cut with a note. Default 200,000.</summary>
    [Range(1_000, 10_000_000)]
    public int MaxTextCharacters { get; set; } = 200_000;

    /// <summary>How long one document's extraction may run before it fails as timed out. Default 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ExtractionTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an upload may go without a chunk before it is dropped. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan UploadIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many extractions one silo runs at once; more wait their turn, which does not count against their time
    /// limit. Default 4.
    /// </summary>
    [Range(1, 256)]
    public int MaxConcurrentExtractions { get; set; } = 4;

    /// <summary>Where extraction puts its temporary copy of a file. Default: the system's temporary folder.</summary>
    public string? TempDirectory { get; set; }
}
