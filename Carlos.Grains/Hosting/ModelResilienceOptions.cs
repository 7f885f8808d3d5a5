namespace Carlos.Grains.Hosting;

/// <summary>
/// How model calls survive throttling and faults (<c>Carlos:Model:Resilience</c>). Each deployment gets its own
/// pipeline built from these settings: retries, a timeout per attempt and a circuit breaker.
/// </summary>
public sealed class ModelResilienceOptions
{
    /// <summary>Retries after the first attempt, on 429, 5xx, timeouts and dropped streams. Default 4.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>The first backoff delay; it doubles each retry, with jitter. Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts, including one the server asks for. Default 60 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long one attempt may take from request to last token. Default 10 minutes: long generations (Terraform)
    /// stream for minutes, and a stall is caught sooner by <see cref="StreamIdleTimeout"/>.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a stream may go without a chunk (the first token included) before the attempt is retried.
    /// Default 60 seconds.</summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The share of failed attempts in the sampling window that opens the circuit. Default 0.5.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>The fewest attempts in the sampling window before the circuit may open. Default 6.</summary>
    public int CircuitMinimumThroughput { get; set; } = 6;

    /// <summary>The window over which failures are counted. Default 60 seconds.</summary>
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open circuit refuses calls before it lets one through. Default 30 seconds.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a step waits for an open circuit to close before the design fails (or falls back to the built-in
    /// model). Default 2 minutes.
    /// </summary>
    public TimeSpan CircuitWaitLimit { get; set; } = TimeSpan.FromMinutes(2);
}
