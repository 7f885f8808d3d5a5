using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Carlos.Grains.Workspace;

/// <summary>The workspace's settings, validated at start-up; a wrong plan retention stops the silo naming the key.</summary>
public static class WorkspaceHosting
{
    public static IServiceCollection AddCarlosWorkspace(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkspaceOptions>()
            .Bind(configuration.GetSection(WorkspaceOptions.SectionName))
            .Configure(o =>
            {
                foreach (var plan in configuration.GetSection(WorkspaceOptions.PlansSection).GetChildren())
                {
                    if (plan["RetentionDays"] is not { } text)
                    {
                        continue;
                    }

                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
                        || days is < 1 or > 36_500)
                    {
                        throw new InvalidOperationException(
                            $"Invalid configuration. {WorkspaceOptions.PlansSection}:{plan.Key}:RetentionDays must be " +
                            "a whole number of days from 1 to 36500.");
                    }

                    o.PlanRetentionDays[plan.Key] = days;
                }
            })
            .ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
