using System.Collections.Frozen;
using Carlos.Contracts.Identity;
using Carlos.Contracts.Tenants;
using Microsoft.Extensions.Options;

namespace Carlos.Grains.Identity;

/// <summary>
/// The tenants and keys configuration seeds, indexed for the grains that materialise them on first use. A seeded
/// record lives in grain storage from then on, so changes made through the admin API (a revocation) outlive the seed.
/// </summary>
internal sealed class IdentitySeeds
{
    private readonly FrozenDictionary<string, (ApiKeyInfo Info, string Hash)> _keys;
    private readonly FrozenDictionary<string, TenantSeed> _tenants;

    public IdentitySeeds(IOptions<IdentityOptions> options, TimeProvider time)
    {
        var o = options.Value;
        var tenants = new Dictionary<string, TenantSeed>(o.Tenants, StringComparer.Ordinal);
        var keys = new Dictionary<string, (ApiKeyInfo, string)>(StringComparer.Ordinal);
        var now = time.GetUtcNow();

        foreach (var (tenantId, seed) in o.Tenants)
        {
            for (var n = 0; n < seed.Keys.Count; n++)
            {
                var key = seed.Keys[n];
                var parts = key.Hash.Split(':', 2);
                if (parts.Length != 2 || parts[0].Length != 16 || parts[1].Length == 0 || key.User.Length == 0)
                {
                    throw new InvalidOperationException(
                        $"Invalid configuration. Carlos:Tenants:{tenantId}:Keys:{n} needs a User and a Hash of the form keyId:hash.");
                }

                keys[parts[0]] = (new ApiKeyInfo(parts[0], tenantId, key.User, ParseRole(key.Role, tenantId, n), now,
                    key.ExpiresAt, null, ApiKeySource.Configuration), parts[1]);
            }
        }

        if (o.DevelopmentEnabled && o.DevelopmentApiKey is { Length: > 0 } devKey)
        {
            if (!ApiKeys.TryParse(devKey, out var keyId, out var secret))
            {
                throw new InvalidOperationException(
                    "Invalid configuration. Carlos:Development:ApiKey is not a Carlos API key (ck_<16 hex>.<secret>).");
            }

            keys[keyId] = (new ApiKeyInfo(keyId, IdentityOptions.DevelopmentTenant, IdentityOptions.DevelopmentUser,
                CallerRole.TenantAdmin, now, null, null, ApiKeySource.Development), ApiKeys.Hash(RequirePepper(o), secret));
            tenants.TryAdd(IdentityOptions.DevelopmentTenant, new TenantSeed { Name = "Development", Plan = "default" });
        }

        _keys = keys.ToFrozenDictionary(StringComparer.Ordinal);
        _tenants = tenants.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public bool TryGetKey(string keyId, out ApiKeyInfo info, out string hash)
    {
        var found = _keys.TryGetValue(keyId, out var seed);
        (info, hash) = found ? seed : (null!, "");
        return found;
    }

    public IEnumerable<string> KeyIdsOf(string tenantId) =>
        _keys.Where(k => k.Value.Info.TenantId == tenantId).Select(k => k.Key);

    public TenantInfo? Tenant(string tenantId, DateTimeOffset now) =>
        _tenants.TryGetValue(tenantId, out var seed)
            ? new TenantInfo(tenantId, seed.Name ?? tenantId, seed.Plan, false, now, now)
            : null;

    /// <summary>Whether configuration opts the tenant into the design cache's shared scope.</summary>
    public bool SharedCache(string tenantId) => _tenants.TryGetValue(tenantId, out var seed) && seed.SharedCache;

    private static string RequirePepper(IdentityOptions o) =>
        o.Pepper is { Length: >= IdentityOptions.MinimumPepperLength } pepper
            ? pepper
            : throw new InvalidOperationException(
                $"Invalid configuration. Carlos:Auth:Pepper must be at least {IdentityOptions.MinimumPepperLength} characters.");

    private static CallerRole ParseRole(string role, string tenantId, int n) => role switch
    {
        "user" => CallerRole.User,
        "tenant_admin" => CallerRole.TenantAdmin,
        _ => throw new InvalidOperationException(
            $"Invalid configuration. Carlos:Tenants:{tenantId}:Keys:{n}:Role must be user or tenant_admin."),
    };
}
