namespace Carlos.Gateway.Web;

/// <summary>Where the built web page lives (section <c>Carlos:Web</c>).</summary>
public sealed class WebPageOptions
{
    public const string SectionName = "Carlos:Web";

    /// <summary>
    /// The folder of the built page (its <c>index.html</c> and <c>assets/</c>). Default: <c>web</c> beside the
    /// gateway's assembly, where the build copies it.
    /// </summary>
    public string? Root { get; set; }

    /// <summary>The folder actually served.</summary>
    public string ResolvedRoot => string.IsNullOrWhiteSpace(Root) ? Path.Combine(AppContext.BaseDirectory, "web") : Root;
}
