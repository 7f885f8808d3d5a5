using Carlos.Contracts.Documents;
using Carlos.Contracts.Identity;
using Carlos.Grains.Hosting;

namespace Carlos.Grains.Documents;

/// <summary>
/// The index of one tenant's documents (key: the tenant id). Document grains write to it at every status change;
/// it holds summaries only, so a list never loads any document's text.
/// </summary>
internal sealed class DocumentLibraryGrain(
    [PersistentState("library", StorageNames.Default)] IPersistentState<DocumentLibraryState> library)
    : Grain, IDocumentLibraryGrain, IDocumentLibraryWriter
{
    public Task<IReadOnlyList<DocumentSnapshot>> ListAsync(Caller caller)
    {
        IReadOnlyList<DocumentSnapshot> visible = string.Equals(caller.TenantId, this.GetPrimaryKeyString(),
            StringComparison.Ordinal)
            ? library.State.Entries.Values.Where(e => caller.CanAccess(e.Owner)).Select(e => e.Summary)
                .OrderByDescending(s => s.CreatedAt).ToList()
            : [];
        return Task.FromResult(visible);
    }

    public async Task UpsertAsync(ResourceOwner owner, DocumentSnapshot summary)
    {
        if (!string.Equals(owner.TenantId, this.GetPrimaryKeyString(), StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A document was filed in another tenant's library.");
        }

        // Status changes may arrive out of order after a retry; keep the newest.
        if (library.State.Entries.TryGetValue(summary.Id, out var known) && known.Summary.Version > summary.Version)
        {
            return;
        }

        library.State.Entries[summary.Id] = new DocumentLibraryEntry(owner, summary with { Text = null });
        await library.WriteStateAsync();
    }

    public async Task RemoveAsync(Guid documentId)
    {
        if (library.State.Entries.Remove(documentId))
        {
            await library.WriteStateAsync();
        }
    }
}
