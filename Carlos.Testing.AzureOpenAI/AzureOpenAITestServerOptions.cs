namespace Carlos.Testing.AzureOpenAI;

/// <summary>How the test server behaves. Everything has a default but the deployments.</summary>
public sealed class AzureOpenAITestServerOptions
{
    /// <summary>The only key the server accepts in the <c>api-key</c> header. Default: a new random key.</summary>
    public string ApiKey { get; init; } = $"test-key-{Guid.NewGuid():N}";

    public IReadOnlyList<TestDeployment> Deployments { get; init; } = [];

    /// <summary>The clock of the quota windows and the ledger. Default the system clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The length of the tokens-per-minute window. Default one minute; benchmarks may scale it down.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Names the caller's role from the request (for scripted answers and the ledger). Default none.</summary>
    public Func<ChatCall, string?> RoleOf { get; init; } = _ => null;

    /// <summary>The answer's text for a request. Default a short sentence.</summary>
    public Func<ChatCall, string> Answer { get; init; } = _ => "This is the test server's answer.";

    /// <summary>The output limit assumed when a request gives none, as Azure assumes one. Default 4096.</summary>
    public int DefaultMaxTokens { get; init; } = 4096;

    /// <summary>A pause between streamed chunks. Default none.</summary>
    public TimeSpan ChunkDelay { get; init; }
}
