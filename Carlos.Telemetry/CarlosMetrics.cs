using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Carlos.Telemetry;

/// <summary>
/// Every instrument Carlos records, on one meter named <c>Carlos</c>. Instrument names sit under <c>carlos.</c>
/// (Prometheus shows <c>carlos_...</c>) and each has a unit. Adding an instrument is one field here; callers record
/// through the small methods below, one line at the place that counts.
/// </summary>
public static class CarlosMetrics
{
    public const string MeterName = "Carlos";

    public const string DesignsStartedName = "carlos.designs.started";
    public const string DesignsFinishedName = "carlos.designs.finished";
    public const string DesignsRunningName = "carlos.designs.running";
    public const string StepDurationName = "carlos.step.duration";
    public const string ModelCallDurationName = "carlos.model.call.duration";
    /// <summary>Recorded by the model deployments (<c>Carlos.Grains.Diagnostics.CarlosMetrics</c>), per call.</summary>
    public const string ModelTokensName = "carlos.model.tokens";
    public const string RateLimitRejectionsName = "carlos.rate_limit.rejections";

    private static readonly Meter Meter = new(MeterName, "1.0");

    public static readonly Counter<long> DesignsStarted = Meter.CreateCounter<long>(
        DesignsStartedName, "{design}", "Designs accepted and started, by scenario.");

    public static readonly Counter<long> DesignsFinished = Meter.CreateCounter<long>(
        DesignsFinishedName, "{design}", "Designs that reached a terminal status, by status.");

    public static readonly UpDownCounter<long> DesignsRunning = Meter.CreateUpDownCounter<long>(
        DesignsRunningName, "{design}", "Design pipelines running on this silo now.");

    public static readonly Histogram<double> StepDuration = Meter.CreateHistogram(
        StepDurationName, "s", "How long one agent step took, by agent.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.25, 1, 5, 15, 30, 60, 120, 300] });

    public static readonly Histogram<double> ModelCallDuration = Meter.CreateHistogram(
        ModelCallDurationName, "s", "How long one model call took, by deployment and agent.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.25, 1, 5, 15, 30, 60, 120, 300] });

    public static readonly Counter<long> RateLimitRejections = Meter.CreateCounter<long>(
        RateLimitRejectionsName, "{request}", "Requests refused with 429 by a tenant's quota, by endpoint class.");

    /// <summary>
    /// Instruments that carry a <see cref="Tags.Tenant"/> tag, with the tags kept when an operator has not turned
    /// tenant labels on (<c>Carlos:Telemetry:TenantLabels</c>): a tenant id per series can multiply them by thousands.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> TenantTagged { get; } = new Dictionary<string, string[]>
    {
        [ModelTokensName] = [Tags.Deployment, Tags.TokenType],
        [RateLimitRejectionsName] = [Tags.EndpointClass],
        ["carlos.token_budget.reserved"] = [Tags.Deployment],
        ["carlos.token_budget.used"] = [Tags.Deployment],
        ["carlos.token_budget.refunded"] = [Tags.Deployment],
        ["carlos.token_budget.wait"] = [Tags.Deployment],
        ["carlos.token_budget.queued"] = [Tags.Deployment],
        ["carlos.token_budget.leases_expired"] = [Tags.Deployment],
    };

    public static void DesignStarted(string scenario) =>
        DesignsStarted.Add(1, new KeyValuePair<string, object?>(Tags.Scenario, scenario));

    public static void DesignFinished(string status) =>
        DesignsFinished.Add(1, new KeyValuePair<string, object?>(Tags.Status, status));

    public static void StepFinished(string agent, TimeSpan elapsed) =>
        StepDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(Tags.Agent, agent));

    public static void RateLimitRejected(string endpointClass, string tenant) =>
        RateLimitRejections.Add(1, new TagList { { Tags.EndpointClass, endpointClass }, { Tags.Tenant, tenant } });

    /// <summary>
    /// The tag names, shared by metrics and spans: OpenTelemetry's gen_ai names where one exists, else
    /// <c>carlos.*</c> (Prometheus shows <c>carlos_agent_role</c>, <c>gen_ai_token_type</c>, ...).
    /// </summary>
    public static class Tags
    {
        public const string Scenario = "carlos.scenario";
        public const string Status = "carlos.design.status";
        public const string Agent = "carlos.agent.role";
        public const string Deployment = "carlos.model.deployment";
        public const string TokenType = "gen_ai.token.type";
        public const string EndpointClass = "carlos.rate_limit.class";
        public const string Tenant = "carlos.tenant";
        public const string DesignId = "carlos.design.id";
        public const string Step = "carlos.step";
    }
}
