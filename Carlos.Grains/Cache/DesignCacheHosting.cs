using Carlos.Grains.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Carlos.Grains.Cache;

/// <summary>Registers the design cache's options and services on a silo.</summary>
public static class DesignCacheHosting
{
    public static IServiceCollection AddCarlosDesignCache(
        this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DesignCacheOptions>().Bind(configuration.GetSection(DesignCacheOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddKeyedSingleton<TimeProvider>(DesignCacheOptions.ClockKey,
            (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.TryAddSingleton<DesignCacheMetrics>();
        services.TryAddSingleton<DesignCache>();
        return services;
    }
}
