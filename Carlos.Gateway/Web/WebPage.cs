using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Carlos.Gateway.Web;

/// <summary>
/// Serves the web page (built from <c>Carlos.Web</c> into the gateway's output) at <c>/</c>, with a strict
/// Content-Security-Policy. The page is a static client of the public API; it holds no server-side logic.
/// </summary>
internal static class WebPage
{
    public static WebApplication MapCarlosWebPage(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<WebPageOptions>>().Value;
        var root = options.ResolvedRoot;
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            app.Logger.WebPageMissing(root);
            app.MapGet("/", () => Results.Text(
                    "The web page was not built. Run ./run.sh (it installs Node.js and npm), or build with Node.js " +
                    "on the PATH.", "text/plain", statusCode: StatusCodes.Status404NotFound))
                .ExcludeFromDescription();
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context =>
            {
                var response = context.Context.Response;
                PageSecurityHeaders.Apply(response);
                // Bundles carry a content hash in their names; the page itself must always be asked for again.
                response.Headers.CacheControl = context.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
        return app;
    }
}
