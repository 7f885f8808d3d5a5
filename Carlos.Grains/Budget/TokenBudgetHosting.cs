using Carlos.Grains.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Carlos.Grains.Budget;

/// <summary>Registers the token budget: its options, metrics, spend caps and the call gate that uses them.</summary>
public static class TokenBudgetHosting
{
    public static IServiceCollection AddCarlosTokenBudget(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TokenBudgetOptions>().Bind(configuration.GetSection(TokenBudgetOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SpendCapOptions>().Configure(o =>
            configuration.GetSection(SpendCapOptions.PlansSection).Bind(o.Plans));
        services.TryAddSingleton<TokenBudgetMetrics>();
        services.TryAddSingleton<SpendCaps>();
        services.TryAddSingleton<IModelCallGate, TokenBudgetGate>();
        return services;
    }
}
