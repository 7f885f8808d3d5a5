using Carlos.Contracts.Reports;

namespace Carlos.Grains.Model;

/// <summary>
/// Admits each attempt of a model call before it is sent, and hears how it went. The default admits at once; the
/// token-budget grain (a later issue) plugs in here to reserve tokens against the deployment's quota for the whole
/// cluster. A retried call is admitted again for each attempt.
/// </summary>
public interface IModelCallGate
{
    ValueTask<IModelCallPermit> AdmitAsync(ModelCallEstimate estimate, CancellationToken cancellationToken);
}

/// <summary>What an attempt is about to ask of a deployment: its counted prompt tokens and its output limit.</summary>
public sealed record ModelCallEstimate(
    string Deployment,
    AgentRole Role,
    string? TenantId,
    int PromptTokens,
    int MaxOutputTokens)
{
    /// <summary>What Azure reserves against the tokens-per-minute window when the call arrives.</summary>
    public int ReservedTokens => PromptTokens + MaxOutputTokens;
}

/// <summary>One admitted attempt. Disposing it without <see cref="Settle"/> means the attempt failed.</summary>
public interface IModelCallPermit : IAsyncDisposable
{
    /// <summary>The attempt finished and the model reported this usage.</summary>
    void Settle(TokenUsage usage);

    /// <summary>The deployment answered 429 and asked to wait this long.</summary>
    void Throttled(TimeSpan? retryAfter);

    /// <summary>What the deployment said it has left this minute (<c>x-ratelimit-remaining-*</c>).</summary>
    void QuotaReported(long? remainingTokens, long? remainingRequests);
}

/// <summary>The gate without a budget: every attempt goes at once.</summary>
internal sealed class OpenModelCallGate : IModelCallGate
{
    private static readonly ValueTask<IModelCallPermit> Admitted = ValueTask.FromResult<IModelCallPermit>(new Permit());

    public ValueTask<IModelCallPermit> AdmitAsync(ModelCallEstimate estimate, CancellationToken cancellationToken) =>
        Admitted;

    private sealed class Permit : IModelCallPermit
    {
        public void Settle(TokenUsage usage)
        {
        }

        public void Throttled(TimeSpan? retryAfter)
        {
        }

        public void QuotaReported(long? remainingTokens, long? remainingRequests)
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
