using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Carlos.Telemetry;

/// <summary>
/// The telemetry every Carlos process has: OpenTelemetry metrics and traces from ASP.NET Core, Orleans and Carlos,
/// a Prometheus scrape endpoint at <c>/metrics</c>, OTLP export when configured, and JSON console logs outside
/// Development.
/// </summary>
public static class TelemetryHosting
{
    public const string MetricsPath = "/metrics";

    /// <summary>The meter Orleans records its own instruments on (grain calls, activations, messaging).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Orleans' activity sources: grain calls between processes, and runtime work (activation).</summary>
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime"];

    private static readonly string[] UntracedPaths = [MetricsPath, "/healthz", "/readyz"];

    public static WebApplicationBuilder AddCarlosTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>()
            ?? new TelemetryOptions();
        if (!builder.Environment.IsDevelopment())
        {
            // Switches the console logger the host already has to JSON; a host that removed it gets none back.
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = ConsoleFormatterNames.Json);
            builder.Services.Configure<JsonConsoleFormatterOptions>(o => o.UseUtcTimestamp = true);
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(CarlosMetrics.MeterName, OrleansMeter).AddAspNetCoreInstrumentation();
                if (!options.TenantLabels)
                {
                    foreach (var (instrument, kept) in CarlosMetrics.TenantTagged)
                    {
                        metrics.AddView(instrument, new MetricStreamConfiguration { TagKeys = kept });
                    }
                }

                metrics.AddPrometheusExporter();
            })
            .WithTracing(tracing => tracing
                .AddSource(CarlosTracing.SourceName)
                .AddSource(OrleansSources)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsUntraced(http.Request.Path)));

        if (options.OtlpEndpoint is { } endpoint)
        {
            telemetry.UseOtlpExporter(OtlpExportProtocol.Grpc, endpoint);
        }
        else if (!string.IsNullOrWhiteSpace(builder.Configuration[TelemetryOptions.OtlpEndpointVariable]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Maps the Prometheus scrape endpoint, for the cluster's scraper: never route it from outside.</summary>
    public static WebApplication MapCarlosTelemetry(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath).ExcludeFromDescription();
        return app;
    }

    private static bool IsUntraced(PathString path) => UntracedPaths.Any(p => path.StartsWithSegments(p));
}
