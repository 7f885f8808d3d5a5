using Carlos.Contracts.Serialization;
using Carlos.Grains.Model;
using Microsoft.Extensions.Options;

namespace Carlos.Grains.Hosting;

/// <summary>
/// Checks <c>Carlos:Model</c> at start-up. Every message names the configuration key at fault, never its value, so
/// an API key cannot reach a log through a validation error.
/// </summary>
internal sealed class ModelOptionsValidator : IValidateOptions<ModelOptions>
{
    private const string Section = ModelOptions.SectionName;

    public static IReadOnlySet<string> SupportedApiVersions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "2024-10-21", "2024-06-01",
    };

    public ValidateOptionsResult Validate(string? name, ModelOptions options)
    {
        var problems = new List<string>();
        if (options.Provider == ModelOptions.BuiltinProvider)
        {
            CheckResilience(options.Resilience, problems);
            return Result(problems);
        }

        if (options.Provider != ModelOptions.AzureOpenAIProvider)
        {
            problems.Add($"{Section}:Provider must be '{ModelOptions.BuiltinProvider}' or " +
                $"'{ModelOptions.AzureOpenAIProvider}'.");
            return Result(problems);
        }

        if (options.Deployments.Count == 0)
        {
            problems.Add($"{Section}:Deployments must name at least one deployment when the provider is " +
                $"'{ModelOptions.AzureOpenAIProvider}'.");
        }

        foreach (var (deploymentName, deployment) in options.Deployments)
        {
            CheckDeployment($"{Section}:Deployments:{deploymentName}", deployment, problems);
        }

        CheckRoles(options, problems);
        CheckResilience(options.Resilience, problems);
        return Result(problems);
    }

    /// <summary>The deployment name a role uses: its own entry, else <c>Default</c>.</summary>
    public static string? DeploymentFor(ModelOptions options, AgentRole role) =>
        options.Roles.TryGetValue(CarlosJson.WireName(role), out var named) && !string.IsNullOrWhiteSpace(named)
            ? named
            : options.Roles.GetValueOrDefault(ModelOptions.DefaultRole) is { Length: > 0 } fallback ? fallback : null;

    private static void CheckDeployment(string key, ModelDeploymentOptions deployment, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(deployment.Endpoint))
        {
            problems.Add($"{key}:Endpoint is required.");
        }
        else if (!Uri.TryCreate(deployment.Endpoint, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{key}:Endpoint must be an absolute https URL.");
        }

        if (string.IsNullOrWhiteSpace(deployment.Deployment))
        {
            problems.Add($"{key}:Deployment is required.");
        }

        if (string.IsNullOrWhiteSpace(deployment.ApiKey))
        {
            problems.Add($"{key}:ApiKey is required.");
        }

        if (!SupportedApiVersions.Contains(deployment.ApiVersion))
        {
            problems.Add($"{key}:ApiVersion must be one of {string.Join(", ", SupportedApiVersions)}.");
        }

        if (deployment.TokensPerMinute <= 0)
        {
            problems.Add($"{key}:TokensPerMinute is required and must be positive.");
        }

        if (deployment.RequestsPerMinute <= 0)
        {
            problems.Add($"{key}:RequestsPerMinute is required and must be positive.");
        }

        if (deployment.MaxOutputTokens <= 0
            || (deployment.TokensPerMinute > 0 && deployment.MaxOutputTokens > deployment.TokensPerMinute))
        {
            problems.Add($"{key}:MaxOutputTokens must be positive and at most TokensPerMinute.");
        }
    }

    private static void CheckRoles(ModelOptions options, List<string> problems)
    {
        var wireNames = Enum.GetValues<AgentRole>().Select(CarlosJson.WireName)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (role, deployment) in options.Roles)
        {
            if (!wireNames.Contains(role) && !role.Equals(ModelOptions.DefaultRole, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{Section}:Roles:{role} is not a role; use one of {string.Join(", ", wireNames)} " +
                    $"or {ModelOptions.DefaultRole}.");
            }
            else if (!string.IsNullOrWhiteSpace(deployment) && !options.Deployments.ContainsKey(deployment))
            {
                problems.Add($"{Section}:Roles:{role} names the deployment '{deployment}', which is not among " +
                    $"{Section}:Deployments.");
            }
        }

        var unrouted = Enum.GetValues<AgentRole>().Where(r => DeploymentFor(options, r) is null)
            .Select(CarlosJson.WireName).ToList();
        if (unrouted.Count > 0)
        {
            problems.Add($"{Section}:Roles:{ModelOptions.DefaultRole} must name a deployment, or " +
                $"{Section}:Roles:{{role}} must for each of {string.Join(", ", unrouted)}.");
        }
    }

    private static void CheckResilience(ModelResilienceOptions r, List<string> problems)
    {
        var key = $"{Section}:Resilience";
        if (r.MaxRetryAttempts is < 0 or > 20)
        {
            problems.Add($"{key}:MaxRetryAttempts must be between 0 and 20.");
        }

        Positive(r.BaseDelay, $"{key}:BaseDelay", problems);
        Positive(r.MaxDelay, $"{key}:MaxDelay", problems);
        Positive(r.AttemptTimeout, $"{key}:AttemptTimeout", problems);
        Positive(r.StreamIdleTimeout, $"{key}:StreamIdleTimeout", problems);
        if (r.CircuitSamplingDuration < TimeSpan.FromMilliseconds(500)
            || r.CircuitBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            problems.Add($"{key}:CircuitSamplingDuration and {key}:CircuitBreakDuration must be at least 0.5 s.");
        }

        Positive(r.CircuitWaitLimit, $"{key}:CircuitWaitLimit", problems);
        if (r.CircuitFailureRatio is <= 0 or > 1)
        {
            problems.Add($"{key}:CircuitFailureRatio must be above 0 and at most 1.");
        }

        if (r.CircuitMinimumThroughput < 2)
        {
            problems.Add($"{key}:CircuitMinimumThroughput must be at least 2.");
        }
    }

    private static void Positive(TimeSpan value, string key, List<string> problems)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{key} must be a positive time span.");
        }
    }

    private static ValidateOptionsResult Result(List<string> problems) =>
        problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
}
