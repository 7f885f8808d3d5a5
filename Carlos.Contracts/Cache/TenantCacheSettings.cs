namespace Carlos.Contracts.Cache;

/// <summary>
/// A tenant's cache choice as the admin API shows it. <see cref="Source"/> says where it comes from:
/// <c>admin</c> (set through the API), <c>configuration</c> (<c>Carlos:Tenants:{tenant}:SharedCache</c>) or
/// <c>default</c> (not shared).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.TenantCacheSettings")]
public sealed record TenantCacheSettings(
    [property: Id(0)] string TenantId,
    [property: Id(1)] bool SharedScope,
    [property: Id(2)] string Source);
