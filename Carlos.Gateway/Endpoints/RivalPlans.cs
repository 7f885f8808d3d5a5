using Carlos.Contracts.Designs;
using Carlos.Gateway.Http;
using Microsoft.Extensions.Options;

namespace Carlos.Gateway.Endpoints;

/// <summary>Whether a plan includes the rival design (<c>Carlos:Plans:{plan}:Rival</c>). Default true.</summary>
public sealed class RivalPlan
{
    public bool Rival { get; set; } = true;
}

/// <summary>The plans' rival settings, bound from <c>Carlos:Plans</c> beside their quotas.</summary>
public sealed class RivalPlanOptions
{
    public Dictionary<string, RivalPlan> Plans { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Decides whether a design request gets the rival: the request's <c>rival</c> field when given, else on. A plan
/// without the rival turns it off, and a request that asks for it on such a plan is refused naming the field.
/// </summary>
internal sealed class RivalPlans(IOptions<RivalPlanOptions> options)
{
    public bool Includes(string plan) => !options.Value.Plans.TryGetValue(plan, out var settings) || settings.Rival;

    public (DesignRequest? Request, IResult? Problem) Apply(DesignRequest request, bool? asked, string plan)
    {
        if (Includes(plan))
        {
            return (request with { Rival = asked ?? true }, null);
        }

        return asked == true
            ? (null, Problems.Validation("rival", "The tenant's plan does not include the rival design."))
            : (request with { Rival = false }, null);
    }
}

internal static class RivalPlansRegistration
{
    /// <summary>Binds and checks the plans' rival settings at start-up; a value that is not a boolean names its key.</summary>
    public static IServiceCollection AddRivalPlans(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RivalPlanOptions>()
            .Configure(o => configuration.GetSection(RateLimiting.RateLimitOptions.PlansSection).Bind(o.Plans))
            .ValidateOnStart();
        return services.AddSingleton<RivalPlans>();
    }
}
