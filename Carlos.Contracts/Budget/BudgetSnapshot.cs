namespace Carlos.Contracts.Budget;

/// <summary>A deployment's budget as its grain sees it now, with its counters since activation.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.BudgetSnapshot")]
public sealed record BudgetSnapshot(
    [property: Id(0)] int TokensPerMinute,
    [property: Id(1)] long TokensInWindow,
    [property: Id(2)] long TokensInFlight,
    [property: Id(3)] int CallsInFlight,
    [property: Id(4)] int Queued,
    [property: Id(5)] IReadOnlyDictionary<string, int> QueuedByTenant,
    [property: Id(6)] DateTimeOffset? PausedUntil,
    [property: Id(7)] BudgetCounters Counters)
{
    /// <summary>The tokens the window has room for now.</summary>
    public long RemainingTokens => Math.Max(0, TokensPerMinute - TokensInWindow);
}

/// <summary>What a budget grain has decided since it was activated.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.BudgetCounters")]
public sealed record BudgetCounters(
    [property: Id(0)] long Admitted,
    [property: Id(1)] long ReservedTokens,
    [property: Id(2)] long UsedTokens,
    [property: Id(3)] long RefundedTokens,
    [property: Id(4)] long OverchargedTokens,
    [property: Id(5)] long LeasesExpired,
    [property: Id(6)] long LateSettlements,
    [property: Id(7)] long Throttles,
    [property: Id(8)] long Cancelled,
    [property: Id(9)] long Settlements);
