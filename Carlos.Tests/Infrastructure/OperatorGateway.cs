using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using OpenTelemetry.Trace;

namespace Carlos.Tests.Infrastructure;

/// <summary>
/// A gateway as an operator configures it: the Orleans dashboard on, and every finished span kept in memory by the
/// OpenTelemetry in-memory exporter. Spans of other hosts in the test process arrive too: tests pick theirs by
/// trace id.
/// </summary>
public sealed class OperatorGateway : GatewayServer
{
    public OperatorGateway()
        : base(tokensPerSecond: 200_000, heartbeat: TimeSpan.FromSeconds(15))
    {
        Settings["Carlos:Dashboard:Enabled"] = "true";
    }

    internal SpanLog Spans { get; } = new();

    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
}

/// <summary>A thread-safe collection for the in-memory exporter, which adds from whichever thread ends a span.</summary>
internal sealed class SpanLog : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];

    public int Count
    {
        get
        {
            lock (_spans)
            {
                return _spans.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public IReadOnlyList<Activity> Of(ActivityTraceId trace)
    {
        lock (_spans)
        {
            return _spans.Where(s => s.TraceId == trace).ToList();
        }
    }

    public void Add(Activity item)
    {
        lock (_spans)
        {
            _spans.Add(item);
        }
    }

    public void Clear()
    {
        lock (_spans)
        {
            _spans.Clear();
        }
    }

    public bool Contains(Activity item)
    {
        lock (_spans)
        {
            return _spans.Contains(item);
        }
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_spans)
        {
            _spans.CopyTo(array, arrayIndex);
        }
    }

    public bool Remove(Activity item)
    {
        lock (_spans)
        {
            return _spans.Remove(item);
        }
    }

    public IEnumerator<Activity> GetEnumerator()
    {
        lock (_spans)
        {
            return _spans.ToList().GetEnumerator();
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

[CollectionDefinition(Name)]
public sealed class OperatorGatewayCollection : ICollectionFixture<OperatorGateway>
{
    public const string Name = "operator gateway";
}
