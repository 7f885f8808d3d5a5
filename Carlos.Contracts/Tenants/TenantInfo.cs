namespace Carlos.Contracts.Tenants;

/// <summary>A tenant as the admin API shows it.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.TenantInfo")]
public sealed record TenantInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Plan,
    [property: Id(3)] bool Disabled,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset UpdatedAt);
