namespace Carlos.Contracts.Idempotency;

/// <summary>The first answer to an idempotent request, kept so that a retry gets it again.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.IdempotentResponse")]
public sealed record IdempotentResponse(
    [property: Id(0)] int StatusCode,
    [property: Id(1)] string? Location,
    [property: Id(2)] string Body,
    [property: Id(3)] Guid ResourceId);
