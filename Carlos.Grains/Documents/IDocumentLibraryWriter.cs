using Carlos.Contracts.Documents;
using Carlos.Contracts.Identity;

namespace Carlos.Grains.Documents;

/// <summary>How document grains keep their tenant's library up to date. Internal to the silo.</summary>
[Alias("Carlos.IDocumentLibraryWriter")]
public interface IDocumentLibraryWriter : IGrainWithStringKey
{
    [Alias("Upsert")]
    Task UpsertAsync(ResourceOwner owner, DocumentSnapshot summary);

    [Alias("Remove")]
    Task RemoveAsync(Guid documentId);
}
