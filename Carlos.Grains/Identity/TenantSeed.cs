namespace Carlos.Grains.Identity;

/// <summary>A tenant given in configuration (<c>Carlos:Tenants:{tenant}</c>), usually from a Kubernetes secret.</summary>
public sealed class TenantSeed
{
    /// <summary>The display name. Default: the tenant id.</summary>
    public string? Name { get; set; }

    /// <summary>The plan whose limits apply (<c>Carlos:Plans:{plan}</c>). Default <c>default</c>.</summary>
    public string Plan { get; set; } = "default";

    /// <summary>
    /// Whether the tenant shares cached designs of generic requirements with the other tenants that opted in
    /// (<c>Carlos:Tenants:{tenant}:SharedCache</c>). The admin API overrides it. Default false.
    /// </summary>
    public bool SharedCache { get; set; }

    /// <summary>Keys by index: <c>Carlos:Tenants:{tenant}:Keys:{n}:User</c>, <c>:Role</c>, <c>:Hash</c>.</summary>
    public List<KeySeed> Keys { get; set; } = [];
}

/// <summary>A seeded key: only its HMAC, as <c>{keyId}:{hash}</c> (the <c>hash-key</c> command prints it).</summary>
public sealed class KeySeed
{
    public string User { get; set; } = "";

    /// <summary><c>user</c> (default) or <c>tenant_admin</c>.</summary>
    public string Role { get; set; } = "user";

    public string Hash { get; set; } = "";

    /// <summary>When the key stops working; unset for no expiry.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}
