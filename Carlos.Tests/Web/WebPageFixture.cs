using Carlos.Tests.Architecture;
using Carlos.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Carlos.Tests.Web;

/// <summary>
/// A real gateway serving the built page, and Debian's headless chromium driven by Playwright through
/// <c>ExecutablePath</c> (no browser download). Designs stream at a pace a person could watch, a few seconds each.
/// </summary>
public class WebPageFixture : GatewayServer
{
    /// <summary>The chromium flags this machine needs: no GPU, no QUIC, nothing that phones home.</summary>
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public WebPageFixture()
        : base(tokensPerSecond: 600, heartbeat: TimeSpan.FromSeconds(15))
    {
        // Two designs at a time, so that a test can make a third one wait in the queue.
        Settings["Carlos:Workflow:MaxConcurrentPerSilo"] = "2";
        // A plan whose tenants may spend one model token a day, for the spend-cap test.
        Settings["Carlos:Plans:capped:SpendCaps:TokensPerDay"] = "1";
    }

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>axe-core as the page's npm install has it (Carlos.Web/node_modules), run in the page by tests.</summary>
    public string AxeSource { get; private set; } = "";

    /// <summary>Where screenshots go: <c>artifacts/web</c> at the repository root (git-ignored).</summary>
    public string ArtifactsDirectory { get; } = Path.Combine(LayeringTests.FindRepositoryRoot(), "artifacts", "web");

    protected override async Task BeforeStartAsync()
    {
        var root = LayeringTests.FindRepositoryRoot();
        AxeSource = await File.ReadAllTextAsync(Path.Combine(root, "Carlos.Web", "node_modules", "axe-core", "axe.min.js"));
        Directory.CreateDirectory(ArtifactsDirectory);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CARLOS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    protected override async ValueTask AfterStopAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A fresh browser context (its own session storage) at the given width, on the page's sign-in view.</summary>
    public async Task<IPage> OpenPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        return page;
    }
}

/// <summary>
/// Runs alone, after the parallel collections: a browser's CPU would otherwise slow the suite's timed tests, and
/// theirs would slow the browser's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WebPageCollection : ICollectionFixture<WebPageFixture>
{
    public const string Name = "web page";
}
