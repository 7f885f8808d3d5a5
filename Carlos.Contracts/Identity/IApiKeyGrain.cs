namespace Carlos.Contracts.Identity;

/// <summary>
/// One API key, keyed by its public id. The grain keeps only an HMAC of the secret (peppered by the gateway), so a
/// leaked store reveals no key. Seeded keys appear on first use; a revocation is stored and outlives the seed.
/// </summary>
[Alias("Carlos.IApiKeyGrain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>Checks a presented secret's HMAC in constant time.</summary>
    [Alias("Verify")]
    Task<KeyVerification> VerifyAsync(string secretHash);

    /// <summary>Stores a new key; false when the id is already taken.</summary>
    [Alias("Create")]
    Task<bool> CreateAsync(ApiKeyInfo info, string secretHash);

    [Alias("Get")]
    Task<ApiKeyInfo?> GetAsync();

    /// <summary>Revokes the key for good; false when it does not exist.</summary>
    [Alias("Revoke")]
    Task<bool> RevokeAsync();
}
