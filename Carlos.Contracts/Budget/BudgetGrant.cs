namespace Carlos.Contracts.Budget;

/// <summary>Where a ticket stands.</summary>
public enum BudgetGrantStatus
{
    /// <summary>Admitted: send the call now; the reservation holds until <see cref="BudgetGrant.LeaseUntil"/>.</summary>
    Admitted = 0,

    /// <summary>Waiting in its tenant's queue.</summary>
    Queued = 1,

    /// <summary>The grain does not know the ticket (it was cancelled, abandoned, or the grain moved): ask again.</summary>
    Unknown = 2,

    /// <summary>The ask is larger than the deployment's whole quota and can never be admitted.</summary>
    TooLarge = 3,
}

/// <summary>The answer to an ask or a wait.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.BudgetGrant")]
public sealed record BudgetGrant(
    [property: Id(0)] Guid Ticket,
    [property: Id(1)] BudgetGrantStatus Status,
    [property: Id(2)] int Position = 0,
    [property: Id(3)] DateTimeOffset? EstimatedStart = null,
    [property: Id(4)] DateTimeOffset? LeaseUntil = null);
