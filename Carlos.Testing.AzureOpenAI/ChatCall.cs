using System.Text.Json.Nodes;

namespace Carlos.Testing.AzureOpenAI;

/// <summary>A chat completions request as the server parsed it.</summary>
public sealed record ChatCall(
    string Deployment,
    IReadOnlyList<(string Role, string Content)> Messages,
    bool Stream,
    bool IncludeUsage,
    int? MaxTokens,
    string? SchemaName,
    JsonNode? Schema,
    bool StrictSchema)
{
    /// <summary>The agent role the server's role resolver named, if any.</summary>
    public string? Role { get; init; }

    /// <summary>The sampling temperature the request asked for; null when it sent none.</summary>
    public float? Temperature { get; init; }

    public string System => Messages.FirstOrDefault(m => m.Role == "system").Content ?? "";

    public string User => string.Join("\n", Messages.Where(m => m.Role == "user").Select(m => m.Content));
}
