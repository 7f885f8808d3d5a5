using Carlos.Contracts.Identity;

namespace Carlos.Contracts.Documents;

/// <summary>
/// The documents of one tenant, keyed by the tenant id, for <c>GET /v1/documents</c>. A caller sees only the entries
/// it may access: its own, or all of its tenant's as a tenant admin; another tenant's library answers empty.
/// </summary>
[Alias("Carlos.IDocumentLibraryGrain")]
public interface IDocumentLibraryGrain : IGrainWithStringKey
{
    /// <summary>The caller's documents, newest first, without their text.</summary>
    [Alias("List")]
    Task<IReadOnlyList<DocumentSnapshot>> ListAsync(Caller caller);
}
