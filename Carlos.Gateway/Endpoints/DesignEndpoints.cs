using System.Text.Json;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Idempotency;
using Carlos.Contracts.Identity;
using Carlos.Contracts.RateLimits;
using Carlos.Contracts.Serialization;
using Carlos.Gateway.Http;
using Carlos.Gateway.Identity;
using Carlos.Gateway.RateLimiting;
using Carlos.Gateway.Streaming;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carlos.Gateway.Endpoints;

/// <summary>The design API: start, stream, read, download Terraform, cancel.</summary>
internal static class DesignEndpoints
{
    public static RouteGroupBuilder MapDesigns(this RouteGroupBuilder v1)
    {
        var designs = v1.MapGroup("/designs").WithTags("Designs");

        designs.MapPost("/", CreateAsync)
            .ChargedAs(RateLimitClasses.Design)
            .WithName("CreateDesign")
            .WithSummary("Starts a design; with Accept: text/event-stream the answer is the design's event stream.")
            .Accepts<CreateDesignBody>("application/json")
            .Produces<DesignSummary>(StatusCodes.Status202Accepted)
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        designs.MapGet("/{id:guid}", GetAsync).WithName("GetDesign").WithSummary("Reads the whole design.");

        designs.MapGet("/{id:guid}/events", StreamAsync)
            .WithName("StreamDesignEvents")
            .WithSummary("Streams the design's events as Server-Sent Events, from Last-Event-ID when given.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);

        designs.MapGet("/{id:guid}/terraform", TerraformAsync)
            .WithName("GetDesignTerraform")
            .WithSummary("Returns the design's Terraform as text, or for Accept: application/zip as a zip of its files.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .Produces(StatusCodes.Status200OK, contentType: TerraformArchive.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        designs.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelDesign").WithSummary("Cancels a running design.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        designs.MapPost("/{id:guid}/answers", AnswerAsync)
            .WithName("AnswerDesignQuestions")
            .WithSummary("Answers the design's clarifying questions, in order, and lets it run on.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return v1;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, IGrainFactory grains, DesignEventStreamer streamer,
        RivalPlans rivalPlans, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateDesignBody>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (request, invalid) = body!.Validate();
        if (invalid is null)
        {
            (request, invalid) = rivalPlans.Apply(request!, body.Rival, http.GetPlan());
        }

        if (invalid is not null)
        {
            return invalid;
        }

        var caller = http.GetCaller();
        if (await DesignDocumentCheck.CheckAsync(grains, caller, request!.DocumentIds) is { } unusable)
        {
            return unusable;
        }

        if (await CustomAgentCheck.CheckAsync(grains, caller, request.CustomAgentIds) is { } unknownAgent)
        {
            return unknownAgent;
        }

        if (await SpendCapCheck.RefusalAsync(http, grains, caller) is { } capped)
        {
            return capped;
        }

        var (idempotency, badKey) = IdempotencyKeys.Find(http.Request, grains, caller, "designs");
        if (badKey is not null)
        {
            return badKey;
        }

        if (idempotency is not null)
        {
            var claim = await idempotency.ClaimAsync(IdempotencyKeys.Fingerprint(request));
            switch (claim.State)
            {
                case IdempotencyState.Completed:
                    http.RefundQuota();
                    return Replay(http, streamer, caller, claim.Response!);
                case IdempotencyState.InProgress:
                    http.RefundQuota();
                    return Problems.Conflict("A request with this Idempotency-Key is still being answered; retry shortly.");
                case IdempotencyState.Mismatch:
                    return Problems.IdempotencyMismatch();
            }
        }

        StartOutcome? outcome;
        var id = Guid.NewGuid();
        try
        {
            outcome = await grains.GetGrain<IDesignWorkflowGrain>(id).StartAsync(caller, request!);
        }
        catch when (idempotency is not null)
        {
            await idempotency.AbandonAsync();
            throw;
        }

        if (outcome is null)
        {
            return Problems.Conflict("A design with this id already exists.");
        }

        if (outcome.Overloaded)
        {
            if (idempotency is not null)
            {
                await idempotency.AbandonAsync();
            }

            http.RefundQuota();
            http.Response.Headers.RetryAfter = Problems.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Overloaded();
        }

        var location = $"/v1/designs/{id}";
        if (idempotency is not null)
        {
            await idempotency.CompleteAsync(new IdempotentResponse(StatusCodes.Status202Accepted, location,
                JsonSerializer.Serialize(outcome.Summary, CarlosJson.Options), id));
        }

        if (WantsEventStream(http.Request))
        {
            http.Response.Headers.Location = location;
            return new EventStreamResult(streamer, id, caller, afterSequence: 0);
        }

        return TypedResults.Accepted(location, outcome.Summary);
    }

    private static IResult Replay(HttpContext http, DesignEventStreamer streamer, Caller caller, IdempotentResponse first)
    {
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (WantsEventStream(http.Request))
        {
            http.Response.Headers.Location = first.Location;
            return new EventStreamResult(streamer, first.ResourceId, caller, afterSequence: 0);
        }

        if (first.Location is not null)
        {
            http.Response.Headers.Location = first.Location;
        }

        return TypedResults.Content(first.Body, "application/json", System.Text.Encoding.UTF8, first.StatusCode);
    }

    private static async Task<Results<Ok<DesignSnapshot>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, IGrainFactory grains)
    {
        var snapshot = await grains.GetGrain<IDesignWorkflowGrain>(id).GetAsync(http.GetCaller());
        return snapshot is null ? Problems.NotFound("design") : TypedResults.Ok(snapshot);
    }

    private static IResult StreamAsync(Guid id, HttpContext http, DesignEventStreamer streamer)
    {
        var header = http.Request.Headers["Last-Event-ID"].ToString();
        long after = 0;
        if (header.Length > 0 && (!long.TryParse(header, out after) || after < 0))
        {
            return Problems.Validation("Last-Event-ID", "The header must be a non-negative event sequence number.");
        }

        return new EventStreamResult(streamer, id, http.GetCaller(), after);
    }

    private static async Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> TerraformAsync(
        Guid id, HttpContext http, IGrainFactory grains)
    {
        var snapshot = await grains.GetGrain<IDesignWorkflowGrain>(id).GetAsync(http.GetCaller());
        if (snapshot is null)
        {
            return Problems.NotFound("design");
        }

        if (snapshot.Terraform is { } zipped && Wants(http.Request, TerraformArchive.ContentType))
        {
            var archive = TerraformArchive.Create(zipped, snapshot.CompletedAt ?? snapshot.UpdatedAt);
            return TypedResults.File(archive, TerraformArchive.ContentType, TerraformArchive.FileName(id));
        }

        return snapshot.Terraform is { } terraform
            ? TypedResults.Text(terraform, "text/plain; charset=utf-8")
            : Problems.Conflict($"The design has no Terraform (status {Contracts.Serialization.CarlosJson.WireName(snapshot.Status)}).");
    }

    private static async Task<Results<Ok<DesignSummary>, ProblemHttpResult>> CancelAsync(
        Guid id, HttpContext http, IGrainFactory grains)
    {
        var grain = grains.GetGrain<IDesignWorkflowGrain>(id);
        var caller = http.GetCaller();
        return await grain.CancelAsync(caller) switch
        {
            CancelOutcome.NotFound => Problems.NotFound("design"),
            CancelOutcome.AlreadyFinished => Problems.Conflict("The design has already finished and cannot be cancelled."),
            _ => TypedResults.Ok(new DesignSummary(id, DesignStatus.Cancelled, (await grain.GetAsync(caller))!.CreatedAt)),
        };
    }

    /// <summary>The body of <c>POST /v1/designs/{id}/answers</c>.</summary>
    public sealed record AnswersBody(IReadOnlyList<string>? Answers);

    private static async Task<IResult> AnswerAsync(Guid id, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<AnswersBody>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var grain = grains.GetGrain<IDesignWorkflowGrain>(id);
        var caller = http.GetCaller();
        return await grain.AnswerAsync(caller, body!.Answers ?? []) switch
        {
            AnswerOutcome.NotFound => Problems.NotFound("design"),
            AnswerOutcome.NotAwaitingAnswers => Problems.Conflict("The design is not waiting for answers."),
            AnswerOutcome.Invalid => Problems.Validation("answers",
                "Give one to as many answers as there were questions, each 1 to 2000 characters."),
            _ => TypedResults.Ok(new DesignSummary(id, DesignStatus.Running, (await grain.GetAsync(caller))!.CreatedAt)),
        };
    }

    private static bool WantsEventStream(HttpRequest request) => Wants(request, "text/event-stream");

    private static bool Wants(HttpRequest request, string mediaType) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase));
}
