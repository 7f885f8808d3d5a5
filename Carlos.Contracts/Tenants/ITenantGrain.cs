using Carlos.Contracts.Identity;

namespace Carlos.Contracts.Tenants;

/// <summary>One tenant, keyed by its id: its plan, whether it is disabled, and the ids of its keys.</summary>
[Alias("Carlos.ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>The tenant, or null when it exists neither in storage nor in configuration.</summary>
    [Alias("Get")]
    Task<TenantInfo?> GetAsync();

    /// <summary>Creates the tenant; null when it already exists.</summary>
    [Alias("Create")]
    Task<TenantInfo?> CreateAsync(string name, string plan);

    /// <summary>Changes the plan or the disabled flag; null when the tenant does not exist.</summary>
    [Alias("Update")]
    Task<TenantInfo?> UpdateAsync(string? plan, bool? disabled);

    [Alias("AddKey")]
    Task AddKeyAsync(string keyId);

    /// <summary>Every key of the tenant, seeded or created, without secrets.</summary>
    [Alias("ListKeys")]
    Task<IReadOnlyList<ApiKeyInfo>> ListKeysAsync();
}
