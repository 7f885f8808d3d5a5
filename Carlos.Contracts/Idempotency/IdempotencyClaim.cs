namespace Carlos.Contracts.Idempotency;

/// <summary>What an idempotency key says of a request that carries it.</summary>
public enum IdempotencyState
{
    /// <summary>First use of the key: the caller now owns it and must complete or abandon it.</summary>
    Claimed = 0,

    /// <summary>An earlier request with this key is still being answered.</summary>
    InProgress = 1,

    /// <summary>An earlier request with this key was answered; its answer is returned again.</summary>
    Completed = 2,

    /// <summary>The key was used before with a different request body.</summary>
    Mismatch = 3,
}

/// <summary>The answer to a claim on an idempotency key.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.IdempotencyClaim")]
public sealed record IdempotencyClaim(
    [property: Id(0)] IdempotencyState State,
    [property: Id(1)] IdempotentResponse? Response);
