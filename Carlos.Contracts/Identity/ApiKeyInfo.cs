namespace Carlos.Contracts.Identity;

/// <summary>What may be shown of an API key: everything except its secret and the secret's hash.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.ApiKeyInfo")]
public sealed record ApiKeyInfo(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string TenantId,
    [property: Id(2)] string UserId,
    [property: Id(3)] CallerRole Role,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset? ExpiresAt,
    [property: Id(6)] DateTimeOffset? RevokedAt,
    [property: Id(7)] ApiKeySource Source);
