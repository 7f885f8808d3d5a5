namespace Carlos.Grains.Hosting;

/// <summary>
/// Which model the agents use (<c>Carlos:Model</c>): the built-in offline model, or named Azure OpenAI deployments
/// with each agent role routed to one of them.
/// </summary>
public sealed class ModelOptions
{
    public const string SectionName = "Carlos:Model";

    public const string BuiltinProvider = "builtin";

    public const string AzureOpenAIProvider = "azure-openai";

    /// <summary>The role key in <see cref="Roles"/> that covers every role not named there.</summary>
    public const string DefaultRole = "Default";

    /// <summary><c>builtin</c> (the default), the offline model, or <c>azure-openai</c>.</summary>
    public string Provider { get; set; } = BuiltinProvider;

    /// <summary>Azure OpenAI deployments by a name of Carlos's choosing (<c>Carlos:Model:Deployments</c>).</summary>
    public Dictionary<string, ModelDeploymentOptions> Deployments { get; set; } =
        new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The deployment each agent role uses, by the role's wire name (<c>architect</c>, <c>security</c>, ...);
    /// <c>Default</c> covers the roles not named. Empty by default.
    /// </summary>
    public Dictionary<string, string> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Retries, timeouts and circuit breaker of each deployment (<c>Carlos:Model:Resilience</c>).</summary>
    public ModelResilienceOptions Resilience { get; set; } = new();

    /// <summary>
    /// When a deployment stays unavailable, let the built-in model answer the step and mark it degraded, instead of
    /// failing the design. Default false.
    /// </summary>
    public bool FallbackToBuiltin { get; set; }
}
