using Carlos.Contracts.Designs;
using Carlos.Contracts.Identity;
using Carlos.Contracts.Workspace;
using Carlos.Grains.Hosting;

namespace Carlos.Grains.Workspace;

/// <summary>
/// The design index of one user (key <c>{tenantId}/{userId}</c>). It keeps one small entry per design and, in memory,
/// the designs ordered newest first, so a page costs a walk from the cursor, not a sort or a visit to any design.
/// Every change rewrites the stored entries: a user with tens of thousands of designs pays for that on each status
/// change.
/// </summary>
[GrainType("carlos.design-index")]
internal sealed class DesignIndexGrain(
    [PersistentState("index", StorageNames.Default)] IPersistentState<DesignIndexState> index)
    : Grain, IDesignIndexGrain, IDesignIndexWriter
{
    private readonly SortedSet<DesignCursor> _order = new(NewestFirst.Instance);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in index.State.Entries.Values)
        {
            _order.Add(CursorOf(entry.Item));
        }

        return Task.CompletedTask;
    }

    public Task<DesignPage> ListAsync(Caller caller, DesignStatus? status, DesignCursor? after, int limit)
    {
        var (tenant, user) = Split(this.GetPrimaryKeyString());
        var allowed = caller.CanAccess(new ResourceOwner(tenant, user));
        if (!allowed || _order.Count == 0)
        {
            return Task.FromResult(new DesignPage([], null));
        }

        limit = Math.Clamp(limit, 1, IDesignIndexGrain.MaxPageSize);
        IEnumerable<DesignCursor> from = after switch
        {
            null => _order,
            { } cursor when NewestFirst.Instance.Compare(cursor, _order.Max) > 0 => [],
            { } cursor => _order.GetViewBetween(cursor, _order.Max).Where(c => c != cursor),
        };
        var items = new List<DesignListItem>(limit);
        var more = false;
        foreach (var key in from)
        {
            var item = index.State.Entries[key.Id].Item;
            if (status is { } wanted && item.Status != wanted)
            {
                continue;
            }

            if (items.Count == limit)
            {
                more = true;
                break;
            }

            items.Add(item);
        }

        var next = more ? CursorOf(items[^1]).Encode() : null;
        return Task.FromResult(new DesignPage(items, next));
    }

    public async Task UpsertAsync(ResourceOwner owner, DesignListItem item)
    {
        var (tenant, user) = Split(this.GetPrimaryKeyString());
        if (owner.TenantId != tenant || owner.UserId != user)
        {
            throw new InvalidOperationException("A design was filed in another user's index.");
        }

        if (index.State.Entries.TryGetValue(item.Id, out var known))
        {
            // A retried write may arrive after a newer one; keep the newest.
            if (known.Item.UpdatedAt > item.UpdatedAt)
            {
                return;
            }

            _order.Remove(CursorOf(known.Item));
        }

        index.State.Entries[item.Id] = new DesignIndexEntry(item);
        _order.Add(CursorOf(item));
        await index.WriteStateAsync();
    }

    public async Task RemoveAsync(Guid designId)
    {
        if (index.State.Entries.Remove(designId, out var gone))
        {
            _order.Remove(CursorOf(gone.Item));
            await index.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<Guid>> CreatedBeforeAsync(DateTimeOffset cutoff) =>
        Task.FromResult<IReadOnlyList<Guid>>(index.State.Entries.Values
            .Where(e => e.Item.CreatedAt < cutoff).Select(e => e.Item.Id).ToList());

    public async Task ClearAsync()
    {
        _order.Clear();
        await index.ClearStateAsync();
        DeactivateOnIdle();
    }

    private static DesignCursor CursorOf(DesignListItem item) => new(item.CreatedAt.UtcTicks, item.Id);

    private static (string Tenant, string User) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (key[..slash], key[(slash + 1)..]);
    }

    /// <summary>Newest first; designs created at the same tick are ordered by id, so every cursor is exact.</summary>
    private sealed class NewestFirst : IComparer<DesignCursor>
    {
        public static readonly NewestFirst Instance = new();

        public int Compare(DesignCursor x, DesignCursor y)
        {
            var byTime = y.CreatedTicks.CompareTo(x.CreatedTicks);
            return byTime != 0 ? byTime : y.Id.CompareTo(x.Id);
        }
    }
}

/// <summary>A user's designs as lists show them, by design id.</summary>
[GenerateSerializer]
[Alias("Carlos.DesignIndexState")]
public sealed class DesignIndexState
{
    [Id(0)] public Dictionary<Guid, DesignIndexEntry> Entries { get; set; } = [];
}

[GenerateSerializer]
[Alias("Carlos.DesignIndexEntry")]
public sealed record DesignIndexEntry([property: Id(0)] DesignListItem Item);
