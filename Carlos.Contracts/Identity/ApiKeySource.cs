namespace Carlos.Contracts.Identity;

/// <summary>Where a key came from.</summary>
public enum ApiKeySource
{
    /// <summary>Created through the admin API.</summary>
    Api = 0,

    /// <summary>Seeded from configuration (<c>Carlos:Tenants:{tenant}:Keys</c>), usually from a Kubernetes secret.</summary>
    Configuration = 1,

    /// <summary>The development key of an embedded or Development-environment process.</summary>
    Development = 2,
}
