namespace Carlos.Grains.Documents.Extraction;

/// <summary>A file Carlos will not read, with the reason in words its owner can act on.</summary>
public sealed class DocumentRejectedException(string reason) : Exception(reason);
