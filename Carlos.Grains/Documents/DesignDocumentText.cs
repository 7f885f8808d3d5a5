namespace Carlos.Grains.Documents;

/// <summary>
/// A document's text as a design took it at its start, kept with the design so that deleting the document later
/// changes nothing.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.DesignDocumentText")]
public sealed record DesignDocumentText(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string FileName,
    [property: Id(2)] string Text);
