namespace Carlos.Gateway.Web;

/// <summary>
/// The headers every response of the web page carries. The policy allows scripts from the gateway's own origin
/// only, so a script that model output smuggles into the page does not run even if sanitising missed it.
/// </summary>
internal static class PageSecurityHeaders
{
    /// <summary>
    /// Styles allow <c>'unsafe-inline'</c> because Mermaid writes a <c>style</c> element into every diagram it draws;
    /// a style cannot run code, and scripts stay limited to <c>'self'</c>.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
        "frame-ancestors 'none'";

    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
    }
}
