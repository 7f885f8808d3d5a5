using System.ComponentModel.DataAnnotations;
using Carlos.Contracts.RateLimits;
using Microsoft.Extensions.Options;

namespace Carlos.Gateway.RateLimiting;

/// <summary>Resolves a plan's quota for an endpoint class: the plan's override, else the default.</summary>
internal sealed class RateLimitPolicies
{
    private static readonly Dictionary<string, RateLimitSetting> BuiltIn = new(StringComparer.Ordinal)
    {
        [RateLimitClasses.Design] = new() { PermitLimit = 10, Window = TimeSpan.FromHours(1) },
        [RateLimitClasses.CustomAgent] = new() { PermitLimit = 20, Window = TimeSpan.FromHours(1) },
        [RateLimitClasses.Upload] = new() { PermitLimit = 30, Window = TimeSpan.FromHours(1) },
        [RateLimitClasses.Read] = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) },
    };

    private readonly RateLimitOptions _options;

    public RateLimitPolicies(IOptions<RateLimitOptions> options)
    {
        _options = options.Value;
        Validate("Carlos:RateLimits", _options.Defaults);
        foreach (var (plan, settings) in _options.Plans)
        {
            Validate($"Carlos:Plans:{plan}:RateLimits", settings.RateLimits);
        }
    }

    public bool IsKnownPlan(string plan) => plan == "default" || _options.Plans.ContainsKey(plan);

    public RateLimitPolicy For(string plan, string endpointClass)
    {
        var setting = _options.Plans.TryGetValue(plan, out var overrides) && overrides.RateLimits.TryGetValue(endpointClass, out var p)
            ? p
            : _options.Defaults.TryGetValue(endpointClass, out var d) ? d : BuiltIn[endpointClass];
        return new RateLimitPolicy(endpointClass, setting.PermitLimit, setting.Window);
    }

    private static void Validate(string section, Dictionary<string, RateLimitSetting> settings)
    {
        foreach (var (name, setting) in settings)
        {
            if (!RateLimitClasses.All.Contains(name))
            {
                throw new InvalidOperationException(
                    $"Invalid configuration. {section}:{name} is not an endpoint class ({string.Join(", ", RateLimitClasses.All)}).");
            }

            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(setting, new ValidationContext(setting), results, validateAllProperties: true))
            {
                throw new InvalidOperationException(
                    $"Invalid configuration. {section}:{name}: {string.Join(" ", results.Select(r => r.ErrorMessage))}");
            }
        }
    }
}
