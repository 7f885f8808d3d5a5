using Carlos.Contracts.Reports;
using Carlos.Grains.Workflow;

namespace Carlos.Grains.Cache;

/// <summary>
/// A finished design as the cache keeps it: its steps in the order they started, what they cost, and when the entry
/// was written and expires. Nothing in it names the tenant or the design it came from.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.CachedDesign")]
public sealed record CachedDesign(
    [property: Id(0)] IReadOnlyList<StepRecord> Steps,
    [property: Id(1)] TokenUsage Usage,
    [property: Id(2)] string Model,
    [property: Id(3)] DateTimeOffset CachedAt,
    [property: Id(4)] DateTimeOffset ExpiresAt);
