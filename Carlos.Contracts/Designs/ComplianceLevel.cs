namespace Carlos.Contracts.Designs;

/// <summary>How much regulatory control a design must show.</summary>
public enum ComplianceLevel
{
    /// <summary>Platform defaults: encryption at rest with platform keys, TLS 1.2.</summary>
    Standard = 0,

    /// <summary>Regulated data (health, finance): customer-managed keys for every data store.</summary>
    Regulated = 1,

    /// <summary>No public endpoints: private endpoints and customer-managed keys everywhere.</summary>
    Strict = 2,
}
