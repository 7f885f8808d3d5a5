namespace Carlos.Contracts.Cache;

/// <summary>Which entries a lookup sees: the tenant's own, or the scope opted-in tenants share for generic requirements.</summary>
public enum DesignCacheScope
{
    Tenant = 0,
    Shared = 1,
}
