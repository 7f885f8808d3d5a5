using Carlos.Contracts.Designs;
using Carlos.Contracts.Documents;
using Carlos.Contracts.Identity;
using Carlos.Gateway.Http;

namespace Carlos.Gateway.Endpoints;

/// <summary>
/// Checks a design's <c>documentIds</c> before the design starts, so that a wrong id is a 400 naming the field: each
/// must be one of the caller's documents and completed. The design grain checks again when it takes the text.
/// </summary>
internal static class DesignDocumentCheck
{
    public const string Field = "documentIds";

    public static async Task<IResult?> CheckAsync(IGrainFactory grains, Caller caller, IReadOnlyList<Guid>? ids)
    {
        if (ids is null || ids.Count == 0)
        {
            return null;
        }

        if (ids.Count > DesignRequest.MaxDocuments)
        {
            return Problems.Validation(Field, $"A design may use at most {DesignRequest.MaxDocuments} documents.");
        }

        foreach (var id in ids.Distinct())
        {
            var document = await grains.GetGrain<IDocumentGrain>(id).GetAsync(caller, includeText: false);
            if (document is null)
            {
                return Problems.Validation(Field, $"There is no document {id}.");
            }

            if (document.Status != DocumentStatus.Completed)
            {
                var status = Contracts.Serialization.CarlosJson.WireName(document.Status);
                return Problems.Validation(Field, $"Document {id} is {status}; only completed documents can be used.");
            }
        }

        return null;
    }
}
