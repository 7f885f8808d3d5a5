namespace Carlos.Contracts.Idempotency;

/// <summary>
/// One idempotency key of one user and endpoint, keyed <c>{tenant}/{user}/{endpoint}/{key}</c>. It remembers the
/// request's fingerprint and first answer for a day, so that a retried request creates nothing new.
/// </summary>
[Alias("Carlos.IIdempotencyGrain")]
public interface IIdempotencyGrain : IGrainWithStringKey
{
    [Alias("Claim")]
    Task<IdempotencyClaim> ClaimAsync(string fingerprint);

    [Alias("Complete")]
    Task CompleteAsync(IdempotentResponse response);

    /// <summary>Releases a claim whose request failed, so that a retry may try again.</summary>
    [Alias("Abandon")]
    Task AbandonAsync();
}
