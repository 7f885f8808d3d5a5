namespace Carlos.Grains.Hosting;

/// <summary>One Azure OpenAI deployment (<c>Carlos:Model:Deployments:{name}</c>).</summary>
public sealed class ModelDeploymentOptions
{
    /// <summary>The resource's endpoint, for example <c>https://contoso.openai.azure.com/</c>. Required.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The deployment name in the Azure OpenAI resource. Required.</summary>
    public string? Deployment { get; set; }

    /// <summary>The resource's API key. Required; give it by environment or a secret store, never in a file.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The Azure OpenAI API version: <c>2024-10-21</c> (the default) or <c>2024-06-01</c>.</summary>
    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>The deployment's tokens-per-minute quota, as set in Azure. Required.</summary>
    public int TokensPerMinute { get; set; }

    /// <summary>The deployment's requests-per-minute quota, as set in Azure. Required.</summary>
    public int RequestsPerMinute { get; set; }

    /// <summary>
    /// The most tokens one answer may have (sent as the call's output limit, and so part of what Azure reserves
    /// against the quota). Default 4096.
    /// </summary>
    public int MaxOutputTokens { get; set; } = 4096;

    /// <summary>
    /// True for a provisioned (PTU) deployment, whose window is charged the real usage once a call ends; false (the
    /// default) for a standard one, which keeps each call's reservation for the whole minute.
    /// </summary>
    public bool Provisioned { get; set; }

    public const string DefaultApiVersion = "2024-10-21";
}
