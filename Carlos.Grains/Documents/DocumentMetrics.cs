using System.Diagnostics;
using System.Diagnostics.Metrics;
using Carlos.Contracts.Documents;
using Carlos.Contracts.Serialization;

namespace Carlos.Grains.Documents;

/// <summary>The document instruments, on the <c>Carlos.Documents</c> meter.</summary>
internal sealed class DocumentMetrics
{
    public const string MeterName = "Carlos";

    private readonly Counter<long> _storedBytes;
    private readonly Histogram<double> _extractionDuration;

    public DocumentMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _storedBytes = meter.CreateCounter<long>("carlos.documents.stored.size", unit: "By",
            description: "Bytes of uploaded files stored for extraction.");
        _extractionDuration = meter.CreateHistogram<double>("carlos.documents.extraction.duration", unit: "s",
            description: "How long extraction took, by document kind and outcome (completed or failed).");
    }

    public void Stored(DocumentKind kind, long bytes) =>
        _storedBytes.Add(bytes, new KeyValuePair<string, object?>("carlos.document.kind", CarlosJson.WireName(kind)));

    public void Extracted(DocumentKind kind, DocumentStatus outcome, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "carlos.document.kind", CarlosJson.WireName(kind) },
            { "carlos.document.outcome", CarlosJson.WireName(outcome) },
        };
        _extractionDuration.Record(elapsed.TotalSeconds, tags);
    }
}
