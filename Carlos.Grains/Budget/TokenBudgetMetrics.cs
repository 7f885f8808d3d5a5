using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Carlos.Grains.Budget;

/// <summary>The token budget's instruments on the <c>Carlos</c> meter, per deployment and tenant.</summary>
public sealed class TokenBudgetMetrics
{
    public const string ReservedName = "carlos.token_budget.reserved";
    public const string UsedName = "carlos.token_budget.used";
    public const string RefundedName = "carlos.token_budget.refunded";
    public const string WaitName = "carlos.token_budget.wait";
    public const string QueuedName = "carlos.token_budget.queued";
    public const string UpstreamThrottlesName = "carlos.token_budget.upstream_throttles";
    public const string LeasesExpiredName = "carlos.token_budget.leases_expired";

    private readonly Counter<long> _reserved;
    private readonly Counter<long> _used;
    private readonly Counter<long> _refunded;
    private readonly Histogram<double> _wait;
    private readonly UpDownCounter<long> _queued;
    private readonly Counter<long> _throttles;
    private readonly Counter<long> _expired;

    public TokenBudgetMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Telemetry.CarlosMetrics.MeterName);
        _reserved = meter.CreateCounter<long>(ReservedName, "{token}",
            "Tokens reserved in a deployment's budget before calls were sent, by tenant and deployment.");
        _used = meter.CreateCounter<long>(UsedName, "{token}",
            "Tokens the model reported for settled calls, by tenant and deployment.");
        _refunded = meter.CreateCounter<long>(RefundedName, "{token}",
            "Reserved tokens a call did not use, by tenant and deployment.");
        _wait = meter.CreateHistogram(WaitName, "s", "How long calls waited for room in the budget.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0, 0.1, 0.5, 1, 5, 15, 30, 60, 120] });
        _queued = meter.CreateUpDownCounter<long>(QueuedName, "{call}",
            "Calls waiting in a deployment's budget queues, by tenant and deployment.");
        _throttles = meter.CreateCounter<long>(UpstreamThrottlesName, "{response}",
            "429 answers from a deployment, each of which paused its admissions.");
        _expired = meter.CreateCounter<long>(LeasesExpiredName, "{reservation}",
            "Reservations whose lease passed before they were settled (a caller or silo was lost).");
    }

    public void Reserved(string deployment, string tenant, long tokens) => _reserved.Add(tokens, Tags(deployment, tenant));

    public void Used(string deployment, string tenant, long tokens) => _used.Add(tokens, Tags(deployment, tenant));

    public void Refunded(string deployment, string tenant, long tokens) => _refunded.Add(tokens, Tags(deployment, tenant));

    public void Waited(string deployment, string tenant, TimeSpan wait) =>
        _wait.Record(wait.TotalSeconds, Tags(deployment, tenant));

    public void QueueChanged(string deployment, string tenant, int delta) => _queued.Add(delta, Tags(deployment, tenant));

    public void UpstreamThrottled(string deployment) =>
        _throttles.Add(1, new KeyValuePair<string, object?>(Telemetry.CarlosMetrics.Tags.Deployment, deployment));

    public void LeaseExpired(string deployment, string tenant) => _expired.Add(1, Tags(deployment, tenant));

    private static TagList Tags(string deployment, string tenant) => new()
    {
        { Telemetry.CarlosMetrics.Tags.Deployment, deployment },
        { Telemetry.CarlosMetrics.Tags.Tenant, tenant },
    };
}
