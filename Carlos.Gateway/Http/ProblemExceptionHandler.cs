using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Carlos.Gateway.Http;

/// <summary>
/// The last line of defence: an unreachable cluster is a 503 the client may retry, a malformed request that the
/// server rejected before any endpoint ran keeps its status, and anything else is a 500 that says nothing internal.
/// </summary>
internal sealed partial class ProblemExceptionHandler(
    IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, type, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, Problems.MalformedJsonType, "Bad request.", "The request could not be read."),
            _ when IsOutage(exception) =>
                (StatusCodes.Status503ServiceUnavailable, Problems.UnavailableType, "Service unavailable.",
                    "The cluster is not reachable right now. Retry in a few seconds."),
            _ => (StatusCodes.Status500InternalServerError, Problems.InternalType, "Internal error.",
                "Something went wrong on our side; the request was not completed."),
        };

        if (status >= 500)
        {
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = Problems.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail },
        });
    }

    /// <summary>
    /// True for failures a retry can fix: the cluster or its storage (Redis) is unreachable. Storage errors cross the
    /// grain boundary as the provider's own types or, when the caller cannot load those, wrapped with their name.
    /// </summary>
    internal static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var name = e is WrappedException wrapped ? wrapped.OriginalExceptionType : e.GetType().FullName;
            if (e is SiloUnavailableException or OrleansMessageRejectionException or GatewayTooBusyException
                    or TimeoutException or StackExchange.Redis.RedisException
                || name?.Contains("Redis", StringComparison.Ordinal) == true)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Request {Method} {Path} failed")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
