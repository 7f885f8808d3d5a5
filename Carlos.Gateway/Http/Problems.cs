using Microsoft.AspNetCore.Http.HttpResults;

namespace Carlos.Gateway.Http;

/// <summary>
/// The ProblemDetails Carlos answers with. Each kind has a stable <c>type</c> URI that clients may switch on, and a
/// human-readable <c>detail</c>; none carries a stack trace.
/// </summary>
internal static class Problems
{
    private const string Base = "https://carlos.dev/problems/";

    public const string ValidationType = Base + "validation";
    public const string MalformedJsonType = Base + "malformed-json";
    public const string TooLargeType = Base + "payload-too-large";
    public const string NotFoundType = Base + "not-found";
    public const string ConflictType = Base + "conflict";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string UnavailableType = Base + "unavailable";
    public const string InternalType = Base + "internal";
    public const string UnauthorizedType = Base + "unauthorized";
    public const string ForbiddenType = Base + "forbidden";
    public const string RateLimitedType = Base + "rate-limited";
    public const string TooManyFailuresType = Base + "too-many-failed-authentications";
    public const string IdempotencyMismatchType = Base + "idempotency-key-reused";
    public const string SpendCapType = Base + "spend-cap";

    /// <summary>Gives the problems the framework writes itself (routing's 404, 405, 415) Carlos's stable types.</summary>
    public static void ApplyStableType(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type?.StartsWith(Base, StringComparison.Ordinal) == true)
        {
            return;
        }

        problem.Type = problem.Status switch
        {
            StatusCodes.Status404NotFound => NotFoundType,
            StatusCodes.Status405MethodNotAllowed => Base + "method-not-allowed",
            StatusCodes.Status413PayloadTooLarge => TooLargeType,
            StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
            StatusCodes.Status503ServiceUnavailable => UnavailableType,
            >= 500 => InternalType,
            _ => Base + "bad-request",
        };
    }

    public static ValidationProblem Validation(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: $"The field '{field}' is invalid: {message}",
            type: ValidationType,
            title: "The request is invalid.");

    public static ProblemHttpResult MalformedJson(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The body is not valid JSON.",
            type: MalformedJsonType);

    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem($"The request body is larger than the {limit} bytes this endpoint accepts.",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request is too large.", type: TooLargeType);

    public static ProblemHttpResult UnsupportedMedia(string expected) =>
        TypedResults.Problem($"This endpoint takes {expected}.", statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported content type.", type: UnsupportedMediaType);

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem($"No {what} with that id exists.", statusCode: StatusCodes.Status404NotFound,
            title: "Not found.", type: NotFoundType);

    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized.",
            type: UnauthorizedType);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", type: ForbiddenType);

    public static ProblemHttpResult TooManyFailedAuthentications() =>
        TypedResults.Problem("Too many failed authentications from this address; try again in a minute.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed authentications.",
            type: TooManyFailuresType);

    /// <summary>The silo's workflow queue is full; retry in a little while.</summary>
    public static ProblemHttpResult Overloaded() =>
        TypedResults.Problem("Carlos is at capacity and cannot queue another design right now; retry shortly.",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable.", type: UnavailableType,
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = RetryAfterSeconds });

    public const int RetryAfterSeconds = 5;

    public static ProblemHttpResult TooManyStreams(int limit) =>
        TypedResults.Problem($"You already have {limit} event streams open; close one first.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many open streams.", type: RateLimitedType);

    public static ProblemHttpResult IdempotencyMismatch() =>
        TypedResults.Problem("This Idempotency-Key was already used with a different request body.",
            statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency key reused.",
            type: IdempotencyMismatchType);

    public static ProblemHttpResult ShuttingDown() =>
        TypedResults.Problem("This gateway is shutting down; retry, and another gateway will take the request.",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Shutting down.", type: UnavailableType);

    /// <summary>The tenant's plan caps its model tokens and the cap is used up until it resets.</summary>
    public static ProblemHttpResult SpendCapReached(Contracts.Usage.SpendCheck check) =>
        TypedResults.Problem(check.Describe(), statusCode: StatusCodes.Status429TooManyRequests,
            title: "Spend cap reached.", type: SpendCapType,
            extensions: new Dictionary<string, object?>
            {
                ["cap"] = check.Cap, ["limit"] = check.Limit, ["used"] = check.Used, ["resetAt"] = check.ResetsAt,
            });

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict.", type: ConflictType);
}
