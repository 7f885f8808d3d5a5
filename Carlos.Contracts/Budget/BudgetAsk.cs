namespace Carlos.Contracts.Budget;

/// <summary>One attempt of a model call asking for room in a deployment's quota.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.BudgetAsk")]
public sealed record BudgetAsk(
    [property: Id(0)] Guid Ticket,
    [property: Id(1)] string TenantId,
    [property: Id(2)] ModelCallPriority Priority,
    [property: Id(3)] int PromptTokens,
    [property: Id(4)] int MaxOutputTokens,
    [property: Id(5)] DeploymentQuota Quota,
    [property: Id(6)] TimeSpan Lease)
{
    /// <summary>What Azure charges the window when the call arrives: the prompt plus the output limit.</summary>
    public int ReservedTokens => PromptTokens + MaxOutputTokens;
}

/// <summary>A deployment's quota as configured in Azure, and how Azure counts it.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.DeploymentQuota")]
public sealed record DeploymentQuota(
    [property: Id(0)] int TokensPerMinute,
    [property: Id(1)] int RequestsPerMinute,
    [property: Id(2)] bool Provisioned);

/// <summary>Whose work comes first when calls wait: interactive design steps before background work.</summary>
public enum ModelCallPriority
{
    Interactive = 0,
    Background = 1,
}

/// <summary>The real usage of an admitted attempt.</summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.BudgetSettlement")]
public sealed record BudgetSettlement(
    [property: Id(0)] Guid Ticket,
    [property: Id(1)] string TenantId,
    [property: Id(2)] int ReservedTokens,
    [property: Id(3)] int PromptTokens,
    [property: Id(4)] int CompletionTokens);
