namespace Carlos.Testing.AzureOpenAI;

/// <summary>How a deployment counts a call against its tokens-per-minute window.</summary>
public enum QuotaMode
{
    /// <summary>Like a standard (pay-as-you-go) deployment: the reservation counts for the whole minute.</summary>
    Standard = 0,

    /// <summary>Like a provisioned deployment: the reservation becomes the real usage when the call ends.</summary>
    Provisioned = 1,
}

/// <summary>A deployment the server serves, with its quotas.</summary>
public sealed record TestDeployment(
    string Name, int TokensPerMinute, int RequestsPerMinute, QuotaMode Mode = QuotaMode.Standard);
