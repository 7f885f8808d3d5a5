using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;

namespace Carlos.Grains.Hosting;

/// <summary>The Orleans dashboard on a web-hosted silo, when <c>Carlos:Dashboard:Enabled</c> is set.</summary>
public static class CarlosDashboard
{
    public static ISiloBuilder AddCarlosDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        var settings = ConfigurationGuard.Bind<DashboardSettings>(configuration, DashboardSettings.SectionName);
        if (!settings.Enabled)
        {
            return silo;
        }

        if (string.IsNullOrEmpty(configuration[AdminKeyGate.AdminKeySetting]))
        {
            throw new InvalidOperationException(
                $"Invalid configuration. {DashboardSettings.SectionName}:Enabled needs " +
                $"{AdminKeyGate.AdminKeySetting}, the key that guards the dashboard.");
        }

        silo.AddDashboard();
        return silo;
    }

    /// <summary>Serves the dashboard behind the admin key, if this process hosts a silo with it enabled.</summary>
    public static WebApplication MapCarlosDashboard(this WebApplication app)
    {
        var settings = ConfigurationGuard.Bind<DashboardSettings>(app.Configuration, DashboardSettings.SectionName);
        if (!settings.Enabled || app.Services.GetService<ILocalSiloDetails>() is null)
        {
            return app;
        }

        app.UseWhen(http => http.Request.Path.StartsWithSegments(settings.RoutePrefix),
            branch => branch.UseMiddleware<AdminKeyGate>());
        app.MapOrleansDashboard(settings.RoutePrefix).ExcludeFromDescription();
        return app;
    }
}
