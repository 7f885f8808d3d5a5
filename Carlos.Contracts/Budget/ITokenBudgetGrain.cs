namespace Carlos.Contracts.Budget;

/// <summary>
/// One model deployment's quota for the whole cluster, keyed by the deployment's name under
/// <c>Carlos:Model:Deployments</c>. Every attempt of a model call reserves its prompt tokens plus its output limit
/// here before it is sent, and settles with the real usage afterwards. A call that does not fit waits in its tenant's
/// queue; the caller holds a ticket and long-polls it with <see cref="WaitAsync"/>, so no grain call blocks for long.
/// </summary>
[Alias("Carlos.ITokenBudgetGrain")]
public interface ITokenBudgetGrain : IGrainWithStringKey
{
    /// <summary>Admits the ask at once, or queues it under its ticket; asking again with the same ticket is harmless.</summary>
    [Alias("Reserve")]
    Task<BudgetGrant> ReserveAsync(BudgetAsk ask);

    /// <summary>Waits up to <paramref name="maxWait"/> for a queued ticket to be admitted; answers its state then.</summary>
    [Alias("Wait")]
    Task<BudgetGrant> WaitAsync(Guid ticket, TimeSpan maxWait);

    /// <summary>
    /// The caller gave up (cancelled, or its deadline passed): a queued ticket leaves the queue, and an admitted one
    /// that was never sent gives all its tokens back.
    /// </summary>
    [Alias("Cancel")]
    Task CancelAsync(Guid ticket);

    /// <summary>The attempt ended with the usage the model reported. Counted once, even after the lease expired.</summary>
    [Alias("Settle")]
    Task SettleAsync(BudgetSettlement settlement);

    /// <summary>The attempt was sent but ended without usage (failed, aborted or cancelled).</summary>
    [Alias("Release")]
    Task ReleaseAsync(Guid ticket);

    /// <summary>The deployment answered 429: admissions pause for the whole cluster until the retry-after.</summary>
    [Alias("Throttled")]
    Task ThrottledAsync(TimeSpan retryAfter);

    /// <summary>
    /// The deployment answered the ticket's attempt and said what it has left (<c>x-ratelimit-remaining-tokens</c>):
    /// the attempt's charge is counted from now, no earlier than Azure counts it, and the view is corrected.
    /// </summary>
    [Alias("QuotaReported")]
    Task QuotaReportedAsync(Guid ticket, long? remainingTokens, long? remainingRequests);

    [Alias("GetSnapshot")]
    Task<BudgetSnapshot> GetSnapshotAsync();
}
