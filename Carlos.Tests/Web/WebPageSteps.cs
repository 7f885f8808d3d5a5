using Microsoft.Playwright;

namespace Carlos.Tests.Web;

/// <summary>What a person does on the page, shared by the web page tests.</summary>
internal static class WebPageSteps
{
    public static ILocator RequirementsBox(IPage page) =>
        page.GetByRole(AriaRole.Textbox, new() { Name = "Requirements", Exact = true });

    public static async Task SignInAsync(IPage page, string key)
    {
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New design", Level = 1 })).ToBeVisibleAsync();
    }

    public static async Task StartDesignAsync(IPage page, string requirements)
    {
        await RequirementsBox(page).FillAsync(requirements);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the design" }).ClickAsync();
    }

    public static Task ExpectStatusAsync(IPage page, string status, int timeoutMs = 60_000) =>
        Assertions.Expect(page.GetByTestId("design-status")).ToHaveTextAsync(status, new() { Timeout = timeoutMs });

    /// <summary>The heading of the view each link of the main navigation leads to.</summary>
    private static readonly Dictionary<string, string> Headings = new(StringComparer.Ordinal)
    {
        ["New design"] = "New design",
        ["History"] = "Your designs",
        ["Agents"] = "Custom agents",
        ["Analytics"] = "Analytics",
    };

    /// <summary>Follows a link of the main navigation and waits for the view's heading.</summary>
    public static async Task GoAsync(IPage page, string link)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })
            .GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Headings[link], Level = 1, Exact = true }))
            .ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public static Task ScreenshotAsync(WebPageFixture server, IPage page, string name, bool fullPage = false) =>
        page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(server.ArtifactsDirectory, $"{name}.png"), FullPage = fullPage,
        });
}
