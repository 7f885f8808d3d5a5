namespace Carlos.Contracts.RateLimits;

/// <summary>
/// Whether one request was admitted, and the state of the window after it: how many remain and when the oldest
/// admission leaves the window (<see cref="ResetAt"/>), which is when the next permit frees up.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.RateLimitDecision")]
public sealed record RateLimitDecision(
    [property: Id(0)] bool Admitted,
    [property: Id(1)] RateLimitPolicy Policy,
    [property: Id(2)] int Remaining,
    [property: Id(3)] DateTimeOffset ResetAt,
    [property: Id(4)] DateTimeOffset? AdmittedAt);
