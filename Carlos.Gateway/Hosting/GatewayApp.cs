using Carlos.Contracts.Serialization;
using Carlos.Gateway.Endpoints;
using Carlos.Gateway.Http;
using Carlos.Gateway.Streaming;
using Carlos.Grains.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Carlos.Gateway.Hosting;

/// <summary>The gateway: authenticates (soon), validates, calls grains and streams their events over HTTP.</summary>
public static class GatewayApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        builder.AddCarlosCluster();

        builder.Services.ConfigureHttpJsonOptions(o => CarlosJson.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.ApplyStableType);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi();

        builder.Services.AddOptions<StreamOptions>().Bind(builder.Configuration.GetSection(StreamOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DesignEventStreamer>();
        builder.Services.AddCarlosDocuments(builder.Configuration);
        builder.Services.AddHealthChecks().AddCheck<GatewayReadinessCheck>("cluster", tags: [HealthTags.Ready]);

        var app = builder.Build();

        app.UseExceptionHandler();
        app.UseStatusCodePages();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTags.Ready) });
        app.MapOpenApi();

        var v1 = app.MapGroup("/v1");
        v1.MapDesigns();
        v1.MapScenarios();
        v1.MapDocuments();
        return app;
    }
}
