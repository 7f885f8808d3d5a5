namespace Carlos.Contracts.Audit;

/// <summary>The audit log of admin actions and key events. Use the key <see cref="Global"/>.</summary>
[Alias("Carlos.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    public const string Global = "global";

    [Alias("Append")]
    Task AppendAsync(AuditEntry entry);

    /// <summary>The newest entries first, at most <paramref name="maxCount"/>.</summary>
    [Alias("Read")]
    Task<IReadOnlyList<AuditEntry>> ReadAsync(int maxCount);
}
