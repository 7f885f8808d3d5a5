namespace Carlos.Contracts.RateLimits;

/// <summary>
/// One user's quota for one endpoint class, keyed <c>{tenant}/{user}/{class}</c> (see <see cref="RateLimitKeys"/>). A single
/// activation serves the whole cluster, so the limit is exact however many gateways send requests. The admissions
/// that decide the window are stored before the answer, so a new activation never starts a fresh window.
/// </summary>
[Alias("Carlos.IRateLimitGrain")]
public interface IRateLimitGrain : IGrainWithStringKey
{
    [Alias("TryAcquire")]
    Task<RateLimitDecision> TryAcquireAsync(RateLimitPolicy policy);

    /// <summary>Gives back a permit taken for a request that was then refused for another reason.</summary>
    [Alias("Refund")]
    Task RefundAsync(DateTimeOffset admittedAt);

    /// <summary>The window's state without taking a permit.</summary>
    [Alias("Peek")]
    Task<RateLimitDecision> PeekAsync(RateLimitPolicy policy);
}
