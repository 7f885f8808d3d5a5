using Carlos.Contracts.Identity;

namespace Carlos.Contracts.Workspace;

/// <summary>
/// One tenant's custom agents, keyed by the tenant id. Every user of the tenant may list and use them; only the
/// creator or a tenant admin may change or delete one. A caller of another tenant sees none.
/// </summary>
[Alias("Carlos.ICustomAgentsGrain")]
public interface ICustomAgentsGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<CustomAgentResult> CreateAsync(Caller caller, CustomAgentDraft draft);

    [Alias("List")]
    Task<IReadOnlyList<CustomAgent>> ListAsync(Caller caller);

    [Alias("Get")]
    Task<CustomAgent?> GetAsync(Caller caller, Guid id);

    [Alias("Update")]
    Task<CustomAgentResult> UpdateAsync(Caller caller, Guid id, CustomAgentDraft draft);

    [Alias("Delete")]
    Task<CustomAgentChange> DeleteAsync(Caller caller, Guid id);

    /// <summary>The agents of <paramref name="ids"/> the caller may use, in the order given; unknown ids are left out.</summary>
    [Alias("Resolve")]
    Task<IReadOnlyList<CustomAgent>> ResolveAsync(Caller caller, IReadOnlyList<Guid> ids);
}
