using Carlos.Contracts.Documents;
using Microsoft.Extensions.Logging;

namespace Carlos.Grains.Documents;

internal sealed partial class DocumentGrain
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Information,
        Message = "Document {DocumentId} stored for tenant {TenantId}: {Kind}, {SizeBytes} bytes")]
    private static partial void LogStored(
        ILogger logger, Guid documentId, string tenantId, DocumentKind kind, long sizeBytes);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information,
        Message = "Document {DocumentId} ({Kind}) extracted: {Pages} pages, {Characters} characters in {ElapsedMs} ms")]
    private static partial void LogExtracted(
        ILogger logger, Guid documentId, DocumentKind kind, int pages, int characters, long elapsedMs);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Information,
        Message = "Document {DocumentId} ({Kind}) failed: {Reason}")]
    private static partial void LogRejected(ILogger logger, Guid documentId, DocumentKind kind, string reason);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Error,
        Message = "Document {DocumentId} failed with an internal error")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid documentId);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Warning,
        Message = "Document {DocumentId} could not update its tenant's library")]
    private static partial void LogLibraryFailed(ILogger logger, Exception exception, Guid documentId);

    [LoggerMessage(EventId = 2206, Level = LogLevel.Information,
        Message = "Document {DocumentId} resumes its extraction")]
    private static partial void LogResumed(ILogger logger, Guid documentId);

    [LoggerMessage(EventId = 2207, Level = LogLevel.Information,
        Message = "Document {DocumentId} of tenant {TenantId} deleted")]
    private static partial void LogDeleted(ILogger logger, Guid documentId, string tenantId);

    [LoggerMessage(EventId = 2208, Level = LogLevel.Warning,
        Message = "Document {DocumentId} could not read its stored chunk {Index}; its extraction will be resumed")]
    private static partial void LogChunkUnavailable(ILogger logger, Exception exception, Guid documentId, int index);
}
