namespace Carlos.Contracts.Identity;

/// <summary>The tenant and user recorded on every stored resource.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.ResourceOwner")]
public sealed record ResourceOwner([property: Id(0)] string TenantId, [property: Id(1)] string UserId);
