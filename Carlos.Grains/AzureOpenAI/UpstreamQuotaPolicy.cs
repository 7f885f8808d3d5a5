using System.ClientModel.Primitives;
using System.Globalization;
using Carlos.Grains.Model;

namespace Carlos.Grains.AzureOpenAI;

/// <summary>
/// Reads <c>x-ratelimit-remaining-tokens</c> and <c>-requests</c> from every response of a deployment and tells the
/// permit of the attempt in flight, so that the call gate can correct its view of the quota.
/// </summary>
internal sealed class UpstreamQuotaPolicy : PipelinePolicy
{
    private static readonly AsyncLocal<IModelCallPermit?> Attempt = new();

    /// <summary>The permit of the attempt running on this async flow.</summary>
    public static IModelCallPermit? Current
    {
        get => Attempt.Value;
        set => Attempt.Value = value;
    }

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ProcessNext(message, pipeline, currentIndex);
        Report(message);
    }

    public override async ValueTask ProcessAsync(
        PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        await ProcessNextAsync(message, pipeline, currentIndex);
        Report(message);
    }

    private static void Report(PipelineMessage message)
    {
        if (Current is not { } permit || message.Response is not { } response)
        {
            return;
        }

        var tokens = Header(response, "x-ratelimit-remaining-tokens");
        var requests = Header(response, "x-ratelimit-remaining-requests");
        if (tokens is not null || requests is not null)
        {
            permit.QuotaReported(tokens, requests);
        }
    }

    private static long? Header(PipelineResponse response, string name) =>
        response.Headers.TryGetValue(name, out var text)
            && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
