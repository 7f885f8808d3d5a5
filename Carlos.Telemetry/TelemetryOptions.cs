namespace Carlos.Telemetry;

/// <summary>Where telemetry goes beyond the <c>/metrics</c> scrape endpoint (<c>Carlos:Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Carlos:Telemetry";

    /// <summary>The environment variable the OpenTelemetry SDK reads for its OTLP endpoint.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// An OTLP/gRPC collector (<c>http://otel-collector:4317</c>) that receives traces, metrics and logs. Unset (the
    /// default) exports nothing by OTLP unless <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, which then applies with the
    /// other <c>OTEL_EXPORTER_OTLP_*</c> variables.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>
    /// Whether tenant ids become metric labels (token counts, rate-limit rejections). Default false: with many
    /// tenants every label value is a new series for Prometheus to keep.
    /// </summary>
    public bool TenantLabels { get; set; }
}
