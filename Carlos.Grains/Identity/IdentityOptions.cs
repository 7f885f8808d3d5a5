namespace Carlos.Grains.Identity;

/// <summary>Tenants, keys and the secrets that protect them, as the silo reads them.</summary>
public sealed class IdentityOptions
{
    /// <summary><c>Carlos:Auth:Pepper</c>: the HMAC key for stored key hashes. At least 32 characters; never logged.</summary>
    public string? Pepper { get; set; }

    /// <summary><c>Carlos:Development:ApiKey</c>: the development tenant's key, honoured only when development
    /// identity is enabled (embedded mode, or the Development environment).</summary>
    public string? DevelopmentApiKey { get; set; }

    /// <summary>Whether this process may create the development tenant. Set by the host, not by configuration.</summary>
    public bool DevelopmentEnabled { get; set; }

    /// <summary>Where <see cref="Tenants"/> is bound from.</summary>
    public const string TenantsSection = "Carlos:Tenants";

    /// <summary><c>Carlos:Tenants</c>: seeded tenants and keys by tenant id.</summary>
    public Dictionary<string, TenantSeed> Tenants { get; set; } = new(StringComparer.Ordinal);

    public const int MinimumPepperLength = 32;
    public const string DevelopmentTenant = "dev";
    public const string DevelopmentUser = "dev-user";
}
