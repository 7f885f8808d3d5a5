using Carlos.Contracts.Identity;
using Carlos.Contracts.Tenants;
using Carlos.Grains.Hosting;

namespace Carlos.Grains.Identity;

/// <inheritdoc cref="IApiKeyGrain"/>
[GrainType("carlos.api-key")]
internal sealed class ApiKeyGrain(
    [PersistentState("key", StorageNames.Default)] IPersistentState<ApiKeyState> store,
    IdentitySeeds seeds,
    TimeProvider time)
    : Grain, IApiKeyGrain
{
    public async Task<KeyVerification> VerifyAsync(string secretHash)
    {
        if (await LoadAsync() is not { } info || !ApiKeys.HashesEqual(secretHash, store.State.SecretHash))
        {
            return KeyVerification.Unknown;
        }

        if (info.RevokedAt is not null)
        {
            return new KeyVerification(KeyCheck.Revoked, null, null);
        }

        if (info.ExpiresAt is { } expiry && expiry <= time.GetUtcNow())
        {
            return new KeyVerification(KeyCheck.Expired, null, null);
        }

        var tenant = await GrainFactory.GetGrain<ITenantGrain>(info.TenantId).GetAsync();
        if (tenant is null)
        {
            return KeyVerification.Unknown;
        }

        var caller = new Caller(info.TenantId, info.UserId, info.Role);
        return tenant.Disabled
            ? new KeyVerification(KeyCheck.TenantDisabled, caller, tenant.Plan)
            : new KeyVerification(KeyCheck.Valid, caller, tenant.Plan);
    }

    public async Task<bool> CreateAsync(ApiKeyInfo info, string secretHash)
    {
        if (await LoadAsync() is not null)
        {
            return false;
        }

        store.State = new ApiKeyState { Info = info, SecretHash = secretHash };
        await store.WriteStateAsync();
        return true;
    }

    public Task<ApiKeyInfo?> GetAsync() => LoadAsync();

    public async Task<bool> RevokeAsync()
    {
        if (await LoadAsync() is not { } info)
        {
            return false;
        }

        if (info.RevokedAt is null)
        {
            store.State.Info = info with { RevokedAt = time.GetUtcNow() };
            await store.WriteStateAsync();
        }

        return true;
    }

    /// <summary>The stored key, or the seeded one, which is stored on first use so that later changes stick.</summary>
    private async Task<ApiKeyInfo?> LoadAsync()
    {
        if (store.State.Info is { } stored)
        {
            return stored;
        }

        if (!seeds.TryGetKey(this.GetPrimaryKeyString(), out var info, out var hash))
        {
            return null;
        }

        store.State = new ApiKeyState { Info = info, SecretHash = hash };
        await store.WriteStateAsync();
        return info;
    }
}
