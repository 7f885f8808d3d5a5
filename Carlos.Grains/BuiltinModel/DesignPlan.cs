namespace Carlos.Grains.BuiltinModel;

/// <summary>
/// The architecture the built-in architect chose, as its design document states it. Reviewers read it back from the
/// document (see <see cref="DesignDocument"/>), so a revised document is what the next round reviews.
/// </summary>
internal sealed record DesignPlan(
    IReadOnlyList<PlannedComponent> Components,
    int Regions,
    bool PrivateEndpoints,
    bool CustomerManagedKeys)
{
    public const string PrimaryRegion = "primary";
    public const string SecondaryRegion = "secondary";

    /// <summary>The rival's emphasis (<see cref="RivalRules"/>) for a rival's first draft; null otherwise.</summary>
    public string? Emphasis { get; init; }

    public IEnumerable<string> ServiceIds => Components.Select(c => c.ServiceId).Distinct(StringComparer.Ordinal);

    public bool Has(string serviceId) => Components.Any(c => c.ServiceId == serviceId);

    public IEnumerable<PlannedComponent> InRegion(string region) => Components.Where(c => c.Region == region);
}
