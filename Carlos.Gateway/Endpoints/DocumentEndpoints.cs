using Carlos.Contracts.Documents;
using Carlos.Contracts.Idempotency;
using Carlos.Contracts.RateLimits;
using Carlos.Contracts.Serialization;
using Carlos.Gateway.Http;
using Carlos.Gateway.Identity;
using Carlos.Gateway.RateLimiting;
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
            .ChargedAs(RateLimitClasses.Upload)
            .WithName("UploadDocument")
            .WithSummary("Stores one file (multipart form field 'file') and extracts its text in the background.")
            .Produces<DocumentAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
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

    /// <summary>
    /// Uploads with an <c>Idempotency-Key</c> are answered once: a retry gets the first 202 again and stores nothing.
    /// The upload is streamed, so its fingerprint is the request's declared length and media type, not a hash of
    /// the file.
    /// </summary>
    private static async Task<IResult> UploadAsync(HttpContext http, IGrainFactory grains,
        IOptions<DocumentUploadOptions> options, CancellationToken cancellationToken)
    {
        var caller = http.GetCaller();
        var (idempotency, badKey) = IdempotencyKeys.Find(http.Request, grains, caller, "documents");
        if (badKey is not null)
        {
            return badKey;
        }

        if (idempotency is not null)
        {
            // The multipart boundary differs between retries, so only the media type takes part.
            var mediaType = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
                ? type.MediaType.Value : http.Request.ContentType;
            var claim = await idempotency.ClaimAsync($"{http.Request.ContentLength}|{mediaType}");
            switch (claim.State)
            {
                case IdempotencyState.Completed:
                    http.RefundQuota();
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                    http.Response.Headers.Location = claim.Response!.Location;
                    return TypedResults.Content(claim.Response.Body, "application/json", System.Text.Encoding.UTF8,
                        claim.Response.StatusCode);
                case IdempotencyState.InProgress:
                    http.RefundQuota();
                    return Problems.Conflict("An upload with this Idempotency-Key is still being received; retry shortly.");
                case IdempotencyState.Mismatch:
                    return Problems.IdempotencyMismatch();
            }
        }

        var result = await new DocumentUpload(grains, options.Value.MaxUploadBytes).RunAsync(http.Request, caller, cancellationToken);
        if (idempotency is not null)
        {
            if (result is Accepted<DocumentAccepted> { Value: { } accepted } first)
            {
                await idempotency.CompleteAsync(new IdempotentResponse(StatusCodes.Status202Accepted, first.Location,
                    System.Text.Json.JsonSerializer.Serialize(accepted, CarlosJson.Options), accepted.Id));
            }
            else
            {
                await idempotency.AbandonAsync();
            }
        }

        return result;
    }

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
