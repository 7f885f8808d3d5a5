using Carlos.Contracts.Identity;
using Carlos.Contracts.Tenants;
using Carlos.Grains.Hosting;
using Carlos.Grains.Identity;

namespace Carlos.Grains.Tenants;

/// <inheritdoc cref="ITenantGrain"/>
[GrainType("carlos.tenant")]
internal sealed class TenantGrain(
    [PersistentState("tenant", StorageNames.Default)] IPersistentState<TenantState> store,
    IdentitySeeds seeds,
    TimeProvider time)
    : Grain, ITenantGrain
{
    public Task<TenantInfo?> GetAsync() => LoadAsync();

    public async Task<TenantInfo?> CreateAsync(string name, string plan)
    {
        if (await LoadAsync() is not null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        store.State.Info = new TenantInfo(this.GetPrimaryKeyString(), name, plan, false, now, now);
        await store.WriteStateAsync();
        return store.State.Info;
    }

    public async Task<TenantInfo?> UpdateAsync(string? plan, bool? disabled)
    {
        if (await LoadAsync() is not { } info)
        {
            return null;
        }

        store.State.Info = info with
        {
            Plan = plan ?? info.Plan, Disabled = disabled ?? info.Disabled, UpdatedAt = time.GetUtcNow(),
        };
        await store.WriteStateAsync();
        return store.State.Info;
    }

    public async Task AddKeyAsync(string keyId)
    {
        if (store.State.KeyIds.Add(keyId))
        {
            await store.WriteStateAsync();
        }
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListKeysAsync()
    {
        var tenant = this.GetPrimaryKeyString();
        var ids = store.State.KeyIds.Concat(seeds.KeyIdsOf(tenant)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var keys = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<IApiKeyGrain>(id).GetAsync()));
        return keys.OfType<ApiKeyInfo>().Where(k => k.TenantId == tenant).ToList();
    }

    private async Task<TenantInfo?> LoadAsync()
    {
        if (store.State.Info is { } stored)
        {
            return stored;
        }

        if (seeds.Tenant(this.GetPrimaryKeyString(), time.GetUtcNow()) is not { } seeded)
        {
            return null;
        }

        store.State.Info = seeded;
        await store.WriteStateAsync();
        return seeded;
    }
}
