namespace Carlos.Gateway.Web;

internal static partial class WebPageLog
{
    [LoggerMessage(EventId = 1900, Level = LogLevel.Warning,
        Message = "The web page is not built (no index.html in {Root}); / answers 404 until it is.")]
    public static partial void WebPageMissing(this ILogger logger, string root);
}
