using System.ClientModel;
using System.Globalization;
using Carlos.Grains.Diagnostics;
using Carlos.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Carlos.Grains.AzureOpenAI;

/// <summary>
/// The resilience pipeline of one deployment: retries outside a circuit breaker outside a timeout per attempt. The
/// SDK's own retry is off, so these are the only retries. A delay the server asks for (<c>retry-after-ms</c>, else
/// <c>retry-after</c>) replaces the exponential backoff for that retry. The circuit counts faults (5xx, timeouts,
/// broken streams) but not 429s.
/// </summary>
internal static partial class ModelResilience
{
    public static ResiliencePipeline Build(
        string deployment, ModelResilienceOptions options, TimeProvider time, ModelMetrics metrics, ILogger logger)
    {
        var transient = new PredicateBuilder().Handle<Exception>(IsTransient);
        // Throttling says the deployment is busy, not broken, and when to come back: it does not open the circuit.
        var fault = new PredicateBuilder().Handle<Exception>(e => IsTransient(e) && !IsThrottled(e));
        return new ResiliencePipelineBuilder { Name = $"carlos-model-{deployment}", TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                DelayGenerator = args => ValueTask.FromResult(
                    RetryAfter(args.Outcome.Exception, time.GetUtcNow()) is { } asked
                        ? Min(asked, options.MaxDelay)
                        : (TimeSpan?)null),
                OnRetry = args =>
                {
                    var reason = Reason(args.Outcome.Exception);
                    metrics.Retried(deployment, reason);
                    LogRetrying(logger, deployment, args.AttemptNumber + 1, reason, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = fault,
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = options.CircuitMinimumThroughput,
                SamplingDuration = options.CircuitSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
                OnOpened = args =>
                {
                    metrics.CircuitOpened(deployment);
                    LogCircuitOpened(logger, deployment, args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    LogCircuitClosed(logger, deployment);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>Worth another attempt: throttling, server errors, timeouts, broken connections or streams.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        ClientResultException { Status: 0 or 408 or 429 or >= 500 } => true,
        ModelStreamInterruptedException or TimeoutRejectedException => true,
        HttpRequestException or IOException => true,
        _ => false,
    };

    public static bool IsThrottled(Exception exception) => exception is ClientResultException { Status: 429 };

    /// <summary>A short, secret-free name of what went wrong, for logs, metrics and failure messages.</summary>
    public static string Reason(Exception? exception) => exception switch
    {
        ClientResultException { Status: > 0 } e => $"HTTP {e.Status.ToString(CultureInfo.InvariantCulture)}",
        ModelStreamInterruptedException e => e.Message,
        TimeoutRejectedException => "attempt timeout",
        null => "unknown",
        _ => exception.GetType().Name,
    };

    /// <summary>The wait a 429 or 503 asks for: <c>retry-after-ms</c>, else <c>retry-after</c>.</summary>
    public static TimeSpan? RetryAfter(Exception? exception, DateTimeOffset now)
    {
        if (exception is not ClientResultException result || result.GetRawResponse() is not { } response)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
            && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (response.Headers.TryGetValue("retry-after", out var after))
        {
            if (double.TryParse(after, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(
                after, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                var wait = at - now;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning,
        Message = "Model deployment {Deployment}: attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    private static partial void LogRetrying(
        ILogger logger, string deployment, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning,
        Message = "Model deployment {Deployment}: circuit opened for {BreakDuration}")]
    private static partial void LogCircuitOpened(ILogger logger, string deployment, TimeSpan breakDuration);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information,
        Message = "Model deployment {Deployment}: circuit closed")]
    private static partial void LogCircuitClosed(ILogger logger, string deployment);
}
