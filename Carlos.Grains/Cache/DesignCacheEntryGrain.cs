using Carlos.Contracts.Cache;
using Carlos.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Carlos.Grains.Cache;

/// <inheritdoc cref="IDesignCacheEntryGrain"/>
[GrainType("carlos.cache-entry")]
internal sealed class DesignCacheEntryGrain(
    [PersistentState("entry", StorageNames.Default)] IPersistentState<DesignCacheEntryState> store,
    IOptions<DesignCacheOptions> options,
    [FromKeyedServices(DesignCacheOptions.ClockKey)] TimeProvider clock)
    : Grain, IDesignCacheEntryGrain
{
    private DesignCacheEntryState State => store.State;

    public async Task<CachedDesign?> GetAsync()
    {
        if (State.Design is not { } design)
        {
            return null;
        }

        if (design.ExpiresAt > clock.GetUtcNow())
        {
            return design;
        }

        await RemoveAsync(except: null);
        return null;
    }

    public async Task<DateTimeOffset> PutAsync(CachedDesign design, string tenantId)
    {
        var now = clock.GetUtcNow();
        State.Design = design with { CachedAt = now, ExpiresAt = now + options.Value.TimeToLive };
        State.Writers.Add(tenantId);
        await store.WriteStateAsync();
        return State.Design.ExpiresAt;
    }

    public async Task ExpireAsync(string tenantId)
    {
        if (State.Design is null)
        {
            return;
        }

        if (State.Design.ExpiresAt <= clock.GetUtcNow())
        {
            await RemoveAsync(except: tenantId);
        }
        else if (State.Writers.Remove(tenantId))
        {
            await store.WriteStateAsync();
        }
    }

    public async Task ClearAsync(string tenantId)
    {
        if (store.RecordExists)
        {
            await RemoveAsync(except: tenantId);
        }
    }

    /// <summary>Deletes the stored entry and tells every other tenant that indexed it.</summary>
    private async Task RemoveAsync(string? except)
    {
        var others = State.Writers.Where(w => w != except).ToList();
        await store.ClearStateAsync();
        store.State = new DesignCacheEntryState();
        var key = this.GetPrimaryKeyString();
        foreach (var tenant in others)
        {
            await GrainFactory.GetGrain<ITenantDesignCacheGrain>(tenant).ForgetEntryAsync(key);
        }
    }
}
