namespace Carlos.Contracts.Identity;

/// <summary>The outcome of checking a presented API key.</summary>
public enum KeyCheck
{
    Valid = 0,
    Unknown = 1,
    Expired = 2,
    Revoked = 3,

    /// <summary>The key is good but its tenant is disabled: 403, not 401.</summary>
    TenantDisabled = 4,
}
