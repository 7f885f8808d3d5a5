namespace Carlos.Contracts.RateLimits;

/// <summary>How many requests of a class a user may make in a sliding window.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.RateLimitPolicy")]
public sealed record RateLimitPolicy(
    [property: Id(0)] string EndpointClass,
    [property: Id(1)] int PermitLimit,
    [property: Id(2)] TimeSpan Window);
