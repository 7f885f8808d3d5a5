using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Carlos.Grains.Hosting;

/// <summary>Sets the host's shutdown timeout from <c>Carlos:Shutdown:Timeout</c>, in gateways and silos.</summary>
public static class HostShutdown
{
    public static IHostApplicationBuilder AddCarlosShutdown(this IHostApplicationBuilder builder)
    {
        var options = ConfigurationGuard.Bind<ShutdownOptions>(builder.Configuration, ShutdownOptions.SectionName);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.Timeout);
        return builder;
    }
}
