using Carlos.Grains.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Carlos.Silo.Hosting;

/// <summary>
/// The silo process: an Orleans silo inside a small web host, so that probes (<c>/healthz</c>, <c>/readyz</c>) and,
/// later, metrics can reach it.
/// </summary>
public static class SiloApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        builder.UseOrleans(silo => silo.UseCarlosSilo(builder.Configuration, builder.Environment.IsDevelopment()));
        builder.Services.AddHealthChecks().AddCheck<SiloReadinessCheck>("silo", tags: [HealthTags.Ready]);

        var app = builder.Build();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTags.Ready) });
        return app;
    }
}
