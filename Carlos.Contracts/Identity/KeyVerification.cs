namespace Carlos.Contracts.Identity;

/// <summary>What the key store says of a presented key: who it is, and the tenant's plan when it is valid.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.KeyVerification")]
public sealed record KeyVerification(
    [property: Id(0)] KeyCheck Check,
    [property: Id(1)] Caller? Caller,
    [property: Id(2)] string? Plan)
{
    public static KeyVerification Unknown { get; } = new(KeyCheck.Unknown, null, null);
}
