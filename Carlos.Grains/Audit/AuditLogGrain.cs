using Carlos.Contracts.Audit;
using Carlos.Grains.Hosting;

namespace Carlos.Grains.Audit;

/// <summary>
/// The audit log. It keeps the newest <see cref="Capacity"/> entries; older ones are dropped, so operators who must
/// keep more ship the log elsewhere (every entry is also written to the structured log).
/// </summary>
[GrainType("carlos.audit")]
internal sealed class AuditLogGrain(
    [PersistentState("audit", StorageNames.Default)] IPersistentState<AuditLogState> store)
    : Grain, IAuditLogGrain
{
    public const int Capacity = 10_000;

    public async Task AppendAsync(AuditEntry entry)
    {
        var entries = store.State.Entries;
        entries.Add(entry);
        if (entries.Count > Capacity)
        {
            entries.RemoveRange(0, entries.Count - Capacity);
        }

        await store.WriteStateAsync();
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAsync(int maxCount) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>(
            store.State.Entries.AsEnumerable().Reverse().Take(Math.Clamp(maxCount, 1, 1000)).ToList());
}
