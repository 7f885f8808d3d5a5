namespace Carlos.Contracts.Identity;

/// <summary>What a key's holder may see within its tenant.</summary>
public enum CallerRole
{
    /// <summary>Sees and changes only the resources they created.</summary>
    User = 0,

    /// <summary>Sees and changes every resource of the tenant.</summary>
    TenantAdmin = 1,
}
