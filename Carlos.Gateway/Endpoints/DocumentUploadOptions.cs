using System.ComponentModel.DataAnnotations;

namespace Carlos.Gateway.Endpoints;

/// <summary>The gateway's limits on uploads (<c>Carlos:Documents</c>, the section the silo reads too).</summary>
public sealed class DocumentUploadOptions
{
    public const string SectionName = "Carlos:Documents";

    /// <summary>The room a multipart body needs around its file: boundaries and part headers.</summary>
    public const long MultipartAllowance = 64 * 1024;

    /// <summary>The largest file accepted, in bytes. Default 50 MiB (52,428,800 bytes).</summary>
    [Range(1, 1024L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;
}
