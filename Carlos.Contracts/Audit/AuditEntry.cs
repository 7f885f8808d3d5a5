namespace Carlos.Contracts.Audit;

/// <summary>One audited action: who did what to which tenant, when, and from which address.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action,
    [property: Id(3)] string? TenantId,
    [property: Id(4)] string? Target,
    [property: Id(5)] string? ClientAddress,
    [property: Id(6)] string? Detail);
