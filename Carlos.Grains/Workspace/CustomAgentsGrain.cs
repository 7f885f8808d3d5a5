using Carlos.Contracts.Identity;
using Carlos.Contracts.Workspace;
using Carlos.Grains.Hosting;

namespace Carlos.Grains.Workspace;

/// <inheritdoc cref="ICustomAgentsGrain"/>
[GrainType("carlos.custom-agents")]
internal sealed class CustomAgentsGrain(
    [PersistentState("agents", StorageNames.Default)] IPersistentState<CustomAgentsState> store,
    TimeProvider time)
    : Grain, ICustomAgentsGrain, ICustomAgentsWriter
{
    private string Tenant => this.GetPrimaryKeyString();

    public async Task<CustomAgentResult> CreateAsync(Caller caller, CustomAgentDraft draft)
    {
        if (!InTenant(caller))
        {
            return new(CustomAgentChange.NotFound, null);
        }

        if (store.State.Agents.Count >= CustomAgent.MaxPerTenant)
        {
            return new(CustomAgentChange.LimitReached, null);
        }

        var now = time.GetUtcNow();
        var agent = new CustomAgent(Guid.NewGuid(), draft.Name, draft.Instructions, draft.Focus, now, now);
        store.State.Agents[agent.Id] = new StoredCustomAgent(caller.AsOwner(), agent);
        await store.WriteStateAsync();
        return new(CustomAgentChange.Done, agent);
    }

    public Task<IReadOnlyList<CustomAgent>> ListAsync(Caller caller) =>
        Task.FromResult<IReadOnlyList<CustomAgent>>(InTenant(caller)
            ? store.State.Agents.Values.Select(a => a.Agent).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToList()
            : []);

    public Task<CustomAgent?> GetAsync(Caller caller, Guid id) =>
        Task.FromResult(InTenant(caller) ? store.State.Agents.GetValueOrDefault(id)?.Agent : null);

    public async Task<CustomAgentResult> UpdateAsync(Caller caller, Guid id, CustomAgentDraft draft)
    {
        var (change, stored) = Changeable(caller, id);
        if (change != CustomAgentChange.Done)
        {
            return new(change, null);
        }

        var agent = stored!.Agent with
        {
            Name = draft.Name, Instructions = draft.Instructions, Focus = draft.Focus, UpdatedAt = time.GetUtcNow(),
        };
        store.State.Agents[id] = stored with { Agent = agent };
        await store.WriteStateAsync();
        return new(CustomAgentChange.Done, agent);
    }

    public async Task<CustomAgentChange> DeleteAsync(Caller caller, Guid id)
    {
        var (change, _) = Changeable(caller, id);
        if (change == CustomAgentChange.Done)
        {
            store.State.Agents.Remove(id);
            await store.WriteStateAsync();
        }

        return change;
    }

    public Task<IReadOnlyList<CustomAgent>> ResolveAsync(Caller caller, IReadOnlyList<Guid> ids) =>
        Task.FromResult<IReadOnlyList<CustomAgent>>(InTenant(caller)
            ? ids.Select(id => store.State.Agents.GetValueOrDefault(id)?.Agent).OfType<CustomAgent>().ToList()
            : []);

    public async Task ClearAsync()
    {
        await store.ClearStateAsync();
        DeactivateOnIdle();
    }

    private bool InTenant(Caller caller) => string.Equals(caller.TenantId, Tenant, StringComparison.Ordinal);

    private (CustomAgentChange, StoredCustomAgent?) Changeable(Caller caller, Guid id)
    {
        if (!InTenant(caller) || !store.State.Agents.TryGetValue(id, out var stored))
        {
            return (CustomAgentChange.NotFound, null);
        }

        return caller.CanAccess(stored.Owner) ? (CustomAgentChange.Done, stored) : (CustomAgentChange.Forbidden, null);
    }
}

/// <summary>A tenant's custom agents and who created each.</summary>
[GenerateSerializer]
[Alias("Carlos.CustomAgentsState")]
public sealed class CustomAgentsState
{
    [Id(0)] public Dictionary<Guid, StoredCustomAgent> Agents { get; set; } = [];
}

[GenerateSerializer]
[Alias("Carlos.StoredCustomAgent")]
public sealed record StoredCustomAgent([property: Id(0)] ResourceOwner Owner, [property: Id(1)] CustomAgent Agent);
