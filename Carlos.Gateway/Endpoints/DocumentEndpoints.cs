using Carlos.Contracts.Documents;
using Carlos.Gateway.Http;
using Carlos.Gateway.Identity;
using Carlos.Gateway.Streaming;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Carlos.Gateway.Endpoints;

/// <summary>The document API: upload, read, follow the status, list, delete.</summary>
internal static class DocumentEndpoints
{
    /// <summary>The upload limits (validated at start-up) and the status streamer.</summary>
    public static IServiceCollection AddCarlosDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentUploadOptions>().Bind(configuration.GetSection(DocumentUploadOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DocumentStatusStreamer>();
        return services;
    }

    public static RouteGroupBuilder MapDocuments(this RouteGroupBuilder v1)
    {
        var documents = v1.MapGroup("/documents").WithTags("Documents");

        documents.MapPost("/", UploadAsync)
            .WithName("UploadDocument")
            .WithSummary("Stores one file (multipart form field 'file') and extracts its text in the background.")
            .Produces<DocumentAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .DisableAntiforgery();

        documents.MapGet("/", ListAsync).WithName("ListDocuments").WithSummary("Lists the caller's documents.");

        documents.MapGet("/{id:guid}", GetAsync)
            .WithName("GetDocument")
            .WithSummary("Reads a document: status, type, size, pages, and its text once completed.");

        documents.MapGet("/{id:guid}/events", StreamAsync)
            .WithName("StreamDocumentEvents")
            .WithSummary("Streams the document's status changes as Server-Sent Events until it completes or fails.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);

        documents.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteDocument").WithSummary("Deletes a document.");
        return v1;
    }

    private static Task<IResult> UploadAsync(HttpContext http, IGrainFactory grains,
        IOptions<DocumentUploadOptions> options, CancellationToken cancellationToken) =>
        new DocumentUpload(grains, options.Value.MaxUploadBytes)
            .RunAsync(http.Request, http.GetCaller(), cancellationToken);

    private static async Task<Ok<IReadOnlyList<DocumentSnapshot>>> ListAsync(HttpContext http, IGrainFactory grains)
    {
        var caller = http.GetCaller();
        return TypedResults.Ok(await grains.GetGrain<IDocumentLibraryGrain>(caller.TenantId).ListAsync(caller));
    }

    private static async Task<Results<Ok<DocumentSnapshot>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, IGrainFactory grains)
    {
        var document = await grains.GetGrain<IDocumentGrain>(id).GetAsync(http.GetCaller(), includeText: true);
        return document is null ? Problems.NotFound("document") : TypedResults.Ok(document);
    }

    private static async Task<IResult> StreamAsync(
        Guid id, HttpContext http, DocumentStatusStreamer streamer, IGrainFactory grains)
    {
        var header = http.Request.Headers["Last-Event-ID"].ToString();
        long after = 0;
        if (header.Length > 0 && (!long.TryParse(header, out after) || after < 0))
        {
            return Problems.Validation("Last-Event-ID", "The header must be a non-negative event id.");
        }

        var caller = http.GetCaller();
        if (await grains.GetGrain<IDocumentGrain>(id).GetAsync(caller, includeText: false) is null)
        {
            return Problems.NotFound("document");
        }

        return new DocumentStatusStreamResult(streamer, id, caller, after);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, HttpContext http, IGrainFactory grains) =>
        await grains.GetGrain<IDocumentGrain>(id).DeleteAsync(http.GetCaller())
            ? TypedResults.NoContent()
            : Problems.NotFound("document");
}
