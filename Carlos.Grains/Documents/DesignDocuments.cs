using Carlos.Contracts.Designs;
using Carlos.Contracts.Documents;
using Carlos.Contracts.Identity;

namespace Carlos.Grains.Documents;

/// <summary>
/// Fetches the documents a design asks for, as its caller: only documents the caller may see and that have finished
/// extraction qualify. The gateway checks the same first, to answer 400; this check is the one that holds.
/// </summary>
internal static class DesignDocuments
{
    public static async Task<(List<DesignDocumentText> Documents, string? Error)> ResolveAsync(
        IGrainFactory grains, Caller caller, IReadOnlyList<Guid>? ids)
    {
        var documents = new List<DesignDocumentText>();
        if (ids is null)
        {
            return (documents, null);
        }

        if (ids.Count > DesignRequest.MaxDocuments)
        {
            return (documents, $"A design may use at most {DesignRequest.MaxDocuments} documents.");
        }

        foreach (var id in ids.Distinct())
        {
            var document = await grains.GetGrain<IDocumentGrain>(id).GetAsync(caller, includeText: true);
            if (document is not { Status: DocumentStatus.Completed, Text: { } text })
            {
                return ([], $"Document {id} is not a completed document of yours.");
            }

            documents.Add(new DesignDocumentText(id, document.FileName, text));
        }

        return (documents, null);
    }
}
