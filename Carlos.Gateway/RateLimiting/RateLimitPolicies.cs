using System.ComponentModel.DataAnnotations;
using Carlos.Contracts.RateLimits;
using Carlos.Contracts.Usage;
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
            if (settings.SpendCaps is { TokensPerDay: <= 0 } or { TokensPerMonth: <= 0 })
            {
                throw new InvalidOperationException(
                    $"Invalid configuration. Carlos:Plans:{plan}:SpendCaps: a cap must be a positive number of tokens.");
            }
        }
    }

    public bool IsKnownPlan(string plan) => plan == "default" || _options.Plans.ContainsKey(plan);

    /// <summary>The plan's setting, else the configured default, else the built-in default, field by field.</summary>
    public RateLimitPolicy For(string plan, string endpointClass)
    {
        var planned = _options.Plans.TryGetValue(plan, out var overrides)
            ? overrides.RateLimits.GetValueOrDefault(endpointClass) : null;
        var configured = _options.Defaults.GetValueOrDefault(endpointClass);
        var builtIn = BuiltIn[endpointClass];
        return new RateLimitPolicy(endpointClass,
            planned?.PermitLimit ?? configured?.PermitLimit ?? builtIn.PermitLimit!.Value,
            planned?.Window ?? configured?.Window ?? builtIn.Window!.Value);
    }

    /// <summary>The plan's spend caps; none for a plan that sets none.</summary>
    public SpendCapLimits SpendCapsFor(string plan) =>
        _options.Plans.TryGetValue(plan, out var overrides)
            ? new SpendCapLimits(overrides.SpendCaps.TokensPerDay, overrides.SpendCaps.TokensPerMonth)
            : SpendCapLimits.None;

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
