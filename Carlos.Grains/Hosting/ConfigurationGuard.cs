using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Carlos.Grains.Hosting;

/// <summary>
/// Binds and validates options that are needed while the host is being built, before dependency injection can
/// validate them. A wrong value stops start-up with a message naming the configuration key.
/// </summary>
public static class ConfigurationGuard
{
    public static T Bind<T>(IConfiguration configuration, string section) where T : new()
    {
        var options = configuration.GetSection(section).Get<T>(o => o.ErrorOnUnknownConfiguration = false) ?? new T();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            var problems = results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}");
            throw new InvalidOperationException($"Invalid configuration. {string.Join(" ", problems)}");
        }

        return options;
    }
}
