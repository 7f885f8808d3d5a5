using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Carlos.Contracts.Identity;

/// <summary>
/// The API key format, <c>ck_{keyId}.{secret}</c>: a public 16-hex-digit id that names the key in stores and logs,
/// and a 256-bit secret that is never stored. What is stored is <see cref="Hash"/>, an HMAC-SHA256 of the secret
/// keyed by the server's pepper, compared in constant time with <see cref="HashesEqual"/>.
/// </summary>
public static class ApiKeys
{
    private const string Prefix = "ck_";
    private const int KeyIdLength = 16;

    /// <summary>A new key: its id, the full key to hand out once, and its secret.</summary>
    public static (string KeyId, string Key, string Secret) Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdLength / 2));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (keyId, $"{Prefix}{keyId}.{secret}", secret);
    }

    public static bool TryParse(string? key, [NotNullWhen(true)] out string? keyId, [NotNullWhen(true)] out string? secret)
    {
        keyId = secret = null;
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 200)
        {
            return false;
        }

        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot != Prefix.Length + KeyIdLength || dot == key.Length - 1)
        {
            return false;
        }

        var id = key[Prefix.Length..dot];
        if (!id.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        keyId = id;
        secret = key[(dot + 1)..];
        return true;
    }

    /// <summary>The stored form of a secret: base64url of HMAC-SHA256(pepper, secret).</summary>
    public static string Hash(string pepper, string secret) =>
        Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(pepper), Encoding.UTF8.GetBytes(secret)));

    /// <summary>The value a seeded key's <c>Hash</c> setting holds: <c>{keyId}:{hash}</c>.</summary>
    public static string SeedValue(string keyId, string hash) => $"{keyId}:{hash}";

    public static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
