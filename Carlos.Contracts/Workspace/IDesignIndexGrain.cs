using Carlos.Contracts.Designs;
using Carlos.Contracts.Identity;

namespace Carlos.Contracts.Workspace;

/// <summary>
/// The designs of one user, keyed <c>{tenantId}/{userId}</c> (see <see cref="KeyOf"/>), newest first. Workflow grains
/// write to it at every status change, so listing never loads a design. Only that user, or an admin of that tenant,
/// sees the entries; anyone else gets an empty page.
/// </summary>
[Alias("Carlos.IDesignIndexGrain")]
public interface IDesignIndexGrain : IGrainWithStringKey
{
    /// <summary>Up to <paramref name="limit"/> designs after <paramref name="after"/>, optionally of one status.</summary>
    [Alias("List")]
    Task<DesignPage> ListAsync(Caller caller, DesignStatus? status, DesignCursor? after, int limit);

    /// <summary>The index key of a user's designs.</summary>
    public static string KeyOf(string tenantId, string userId) => $"{tenantId}/{userId}";

    /// <summary>The most designs one page holds, and how many it holds when the request names no limit.</summary>
    public const int MaxPageSize = 100;

    public const int DefaultPageSize = 20;
}
