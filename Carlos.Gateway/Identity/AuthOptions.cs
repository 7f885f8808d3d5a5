using System.ComponentModel.DataAnnotations;

namespace Carlos.Gateway.Identity;

/// <summary>How the gateway checks keys (<c>Carlos:Auth</c>, and <c>Carlos:AdminApiKey</c>).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Carlos:Auth";

    /// <summary>
    /// The HMAC key stored key hashes are made with; at least 32 characters, the same on every gateway and silo,
    /// never logged. Required, except in embedded mode without Redis, where a random one is made at start.
    /// </summary>
    [Required, MinLength(32)]
    public string Pepper { get; set; } = "";

    /// <summary>How many failed authentications one client address may make a minute before it gets 429s. Default 30.</summary>
    [Range(1, 100_000)]
    public int FailedAttemptsPerMinute { get; set; } = 30;
}
