namespace Carlos.Contracts.Identity;

/// <summary>
/// The authenticated identity a request acts for. Every grain call that reads or writes tenant data takes one,
/// so that ownership is checked where the data lives, not only at the gateway.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.Caller")]
public sealed record Caller(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string UserId,
    [property: Id(2)] CallerRole Role = CallerRole.User)
{
    /// <summary>True when this caller may read or change a resource owned by <paramref name="owner"/>.</summary>
    public bool CanAccess(ResourceOwner owner) =>
        string.Equals(owner.TenantId, TenantId, StringComparison.Ordinal)
        && (Role == CallerRole.TenantAdmin || string.Equals(owner.UserId, UserId, StringComparison.Ordinal));

    /// <summary>The owner record a resource created by this caller carries.</summary>
    public ResourceOwner AsOwner() => new(TenantId, UserId);
}
