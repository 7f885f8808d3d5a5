using Carlos.Grains.Hosting;
using Carlos.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Carlos.Silo.Hosting;

/// <summary>
/// The silo process: an Orleans silo inside a small web host, so that probes (<c>/healthz</c>, <c>/readyz</c>),
/// Prometheus (<c>/metrics</c>) and the dashboard, when enabled, can reach it.
/// </summary>
public static class SiloApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        builder.UseOrleans(silo => silo.UseCarlosSilo(builder.Configuration, builder.Environment.IsDevelopment()));
        builder.AddCarlosTelemetry("carlos-silo").AddCarlosShutdown();
        builder.Services.AddHealthChecks().AddCheck<SiloReadinessCheck>("silo", tags: [HealthTags.Ready]);

        var app = builder.Build();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTags.Ready) });
        app.MapCarlosTelemetry().MapCarlosDashboard();
        return app;
    }
}
