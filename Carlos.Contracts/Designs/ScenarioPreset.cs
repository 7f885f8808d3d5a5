namespace Carlos.Contracts.Designs;

/// <summary>
/// A named starting point for a design: the settings it defaults to and the catalog services such a workload
/// usually needs, which the architect adds to whatever the requirements name.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.ScenarioPreset")]
public sealed record ScenarioPreset(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Description,
    [property: Id(3)] DesignSettings Defaults,
    [property: Id(4)] IReadOnlyList<string> TypicalServices);
