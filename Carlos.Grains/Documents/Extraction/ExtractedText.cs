namespace Carlos.Grains.Documents.Extraction;

/// <summary>A document's text, its page count (PDF only) and whether it was cut at the configured length.</summary>
public sealed record ExtractedText(string Text, int? Pages, bool Truncated);
