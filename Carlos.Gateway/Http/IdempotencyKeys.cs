using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Carlos.Contracts.Idempotency;
using Carlos.Contracts.Identity;
using Carlos.Contracts.Serialization;

namespace Carlos.Gateway.Http;

/// <summary>
/// Reads the <c>Idempotency-Key</c> header and finds the key's grain for one caller and endpoint. The request's
/// fingerprint is a hash of the parsed request, so a retry with different white space still matches.
/// </summary>
internal static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    private const int MaxLength = 200;

    /// <summary>The key's grain, null when there is no header, or a problem when the header is malformed.</summary>
    public static (IIdempotencyGrain? Grain, IResult? Problem) Find(
        HttpRequest request, IGrainFactory grains, Caller caller, string endpoint)
    {
        var value = request.Headers[Header].ToString();
        if (value.Length == 0)
        {
            return (null, null);
        }

        if (value.Length > MaxLength || value.Any(c => c < 0x21 || c > 0x7e))
        {
            return (null, Problems.Validation(Header, $"Use 1 to {MaxLength} visible ASCII characters."));
        }

        var key = $"{Uri.EscapeDataString(caller.TenantId)}/{Uri.EscapeDataString(caller.UserId)}/{endpoint}/{value}";
        return (grains.GetGrain<IIdempotencyGrain>(key), null);
    }

    public static string Fingerprint<T>(T request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, CarlosJson.Options))));
}
