using Carlos.Contracts.Identity;

namespace Carlos.Grains.Identity;

/// <summary>A stored key: what may be shown of it and the HMAC of its secret.</summary>
[GenerateSerializer]
[Alias("Carlos.ApiKeyState")]
public sealed class ApiKeyState
{
    [Id(0)] public ApiKeyInfo? Info { get; set; }

    [Id(1)] public string SecretHash { get; set; } = "";
}
