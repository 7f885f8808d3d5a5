using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Carlos.Grains.Hosting;

/// <summary>
/// Lets a request through only with the admin key (<c>Carlos:AdminApiKey</c>), as <c>Authorization: Bearer KEY</c>
/// or, so that a browser can open the dashboard, as the password of HTTP Basic authentication with any user name.
/// The comparison takes the same time whatever the key.
/// </summary>
internal sealed class AdminKeyGate(RequestDelegate next, IConfiguration configuration)
{
    public const string AdminKeySetting = "Carlos:AdminApiKey";

    public async Task InvokeAsync(HttpContext http)
    {
        if (configuration[AdminKeySetting] is { Length: > 0 } expected && Presented(http.Request) is { } presented
            && CryptographicOperations.FixedTimeEquals(Digest(expected), Digest(presented)))
        {
            await next(http);
            return;
        }

        http.Response.Headers.WWWAuthenticate = "Basic realm=\"Carlos operators\", charset=\"UTF-8\"";
        await Results.Problem("This page needs the admin key (Carlos:AdminApiKey).",
            statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized.",
            type: "https://carlos.dev/problems/unauthorized").ExecuteAsync(http);
    }

    private static string? Presented(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : pair[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
