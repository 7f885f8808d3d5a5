using Carlos.Contracts.Audit;

namespace Carlos.Grains.Audit;

/// <summary>The kept audit entries, oldest first.</summary>
[GenerateSerializer]
[Alias("Carlos.AuditLogState")]
public sealed class AuditLogState
{
    [Id(0)] public List<AuditEntry> Entries { get; set; } = [];
}
