using Carlos.Contracts.Serialization;
using Carlos.Gateway.Endpoints;
using Carlos.Gateway.Http;
using Carlos.Gateway.Identity;
using Carlos.Gateway.RateLimiting;
using Carlos.Gateway.Streaming;
using Carlos.Gateway.Web;
using Carlos.Grains.Hosting;
using Carlos.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Carlos.Gateway.Hosting;

/// <summary>The gateway: authenticates (soon), validates, calls grains and streams their events over HTTP.</summary>
public static class GatewayApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        builder.AddCarlosCluster();
        builder.AddCarlosTelemetry("carlos-gateway").AddCarlosShutdown();

        builder.Services.ConfigureHttpJsonOptions(o => CarlosJson.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.ApplyStableType);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<OpenApiSecurity>());

        builder.Services.AddOptions<StreamOptions>().Bind(builder.Configuration.GetSection(StreamOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RateLimitOptions>().Configure(o =>
        {
            builder.Configuration.GetSection(RateLimitOptions.DefaultsSection).Bind(o.Defaults);
            builder.Configuration.GetSection(RateLimitOptions.PlansSection).Bind(o.Plans);
        });
        builder.Services.AddSingleton<RateLimitPolicies>();
        builder.Services.AddSingleton<FailedAuthenticationLimiter>();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DesignEventStreamer>();
        builder.Services.AddRivalPlans(builder.Configuration);
        builder.Services.AddCarlosDocuments(builder.Configuration);
        builder.Services.AddSingleton<GatewayDrain>();
        builder.Services.AddOptions<WebPageOptions>().Bind(builder.Configuration.GetSection(WebPageOptions.SectionName));
        builder.Services.AddHealthChecks().AddCheck<GatewayReadinessCheck>("cluster", tags: [HealthTags.Ready]);

        var app = builder.Build();
        _ = app.Services.GetRequiredService<RateLimitPolicies>(); // a wrong quota setting stops start-up here

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapCarlosWebPage();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTags.Ready) });
        app.MapOpenApi();
        app.MapCarlosTelemetry().MapCarlosDashboard();

        var v1 = app.MapGroup("/v1");
        v1.MapAdmin();
        v1.MapCacheAdmin();

        var tenants = v1.MapGroup("").AddEndpointFilter<DrainFilter>()
            .AddEndpointFilter<ApiKeyFilter>().AddEndpointFilter<RateLimitFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        tenants.MapDesigns();
        tenants.MapDesignChoice();
        tenants.MapScenarios();
        tenants.MapRateLimits();
        tenants.MapDocuments();
        tenants.MapUsage();
        tenants.MapCaller();
        tenants.MapCache();
        tenants.MapWorkspace().MapCustomAgents();
        return app;
    }
}
