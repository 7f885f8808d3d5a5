using Carlos.Contracts.Idempotency;

namespace Carlos.Grains.Idempotency;

/// <summary>A stored idempotency key: the request it was first used for and that request's answer.</summary>
[GenerateSerializer]
[Alias("Carlos.IdempotencyRecord")]
public sealed class IdempotencyRecord
{
    [Id(0)] public string? Fingerprint { get; set; }

    [Id(1)] public DateTimeOffset ClaimedAt { get; set; }

    [Id(2)] public IdempotentResponse? Response { get; set; }
}
