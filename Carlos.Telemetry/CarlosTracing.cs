using System.Diagnostics;

namespace Carlos.Telemetry;

/// <summary>
/// Carlos's own spans, on the activity source <c>Carlos</c>: one per agent step and one per model call. They are
/// children of whatever span is current, which for a design is the grain call that started it, so one trace runs
/// from the HTTP request through the grain to every model call.
/// </summary>
public static class CarlosTracing
{
    public const string SourceName = "Carlos";
    public const string StepSpan = "carlos.step";
    public const string ModelCallSpan = "carlos.model.call";

    private static readonly ActivitySource Source = new(SourceName, "1.0");

    public static Activity? StartStep(Guid designId, string step, string agent) =>
        Source.StartActivity(StepSpan, ActivityKind.Internal)
            ?.SetTag(CarlosMetrics.Tags.DesignId, designId)
            .SetTag(CarlosMetrics.Tags.Step, step)
            .SetTag(CarlosMetrics.Tags.Agent, agent);

    /// <summary>A span for one model call; disposing it also records the call's duration.</summary>
    public static ModelCallScope StartModelCall(string deployment, string agent) => new(
        Source.StartActivity(ModelCallSpan, ActivityKind.Client)
            ?.SetTag(CarlosMetrics.Tags.Deployment, deployment)
            .SetTag(CarlosMetrics.Tags.Agent, agent),
        deployment, agent, Stopwatch.GetTimestamp());

    /// <summary>Ends a model call's span and records its duration.</summary>
    public readonly struct ModelCallScope(Activity? activity, string deployment, string agent, long started)
        : IDisposable
    {
        public Activity? Activity => activity;

        public void Dispose()
        {
            CarlosMetrics.ModelCallDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>(CarlosMetrics.Tags.Deployment, deployment),
                new KeyValuePair<string, object?>(CarlosMetrics.Tags.Agent, agent));
            activity?.Dispose();
        }
    }
}
