using System.Text.Json;
using Microsoft.Playwright;

namespace Carlos.Tests.Web;

/// <summary>Every view, checked by axe-core in the page and for sideways scrolling, at a desktop and a phone width.</summary>
[Collection(WebPageCollection.Name)]
public sealed class WebAccessibilityTests(WebPageFixture server)
{
    private const string Requirements = "AKS cluster with monitoring and a PostgreSQL database";

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Every_view_has_no_serious_accessibility_violation_and_no_horizontal_scrolling(int width)
    {
        var page = await server.OpenPageAsync(width, 800);
        var failures = new List<string>();
        await CheckViewAsync(page, "sign-in", failures);

        await SignInAsync(page);
        await CheckViewAsync(page, "new-design", failures);

        await RequirementsBox(page).FillAsync(Requirements);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the design" }).ClickAsync();
        await Expect(page.GetByTestId("design-status")).ToHaveTextAsync("Completed", new() { Timeout = 60_000 });
        await Expect(page.Locator("#design .diagram svg")).ToBeVisibleAsync();
        await CheckViewAsync(page, "design", failures);
        await page.Locator("details.lanes-card > summary").ClickAsync();
        await CheckViewAsync(page, "design-lanes", failures);

        foreach (var (link, name) in NavigationViews)
        {
            await WebPageSteps.GoAsync(page, link);
            await CheckViewAsync(page, name, failures);
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        await page.Context.CloseAsync();

        async Task CheckViewAsync(IPage view, string name, List<string> found)
        {
            await ScreenshotAsync(view, $"{name}-{width}", fullPage: true);
            found.AddRange((await AxeViolationsAsync(view)).Select(v => $"{name} at {width}px: {v}"));
            var titles = await view.Locator("h1").CountAsync();
            if (titles != 1)
            {
                found.Add($"{name} at {width}px has {titles} h1 headings");
            }

            var overflow = await view.EvaluateAsync<int>(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0)
            {
                var wide = await view.EvaluateAsync<string>("""
                    () => [...document.querySelectorAll('body *')]
                      .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                      .filter(e => { for (let a = e.parentElement; a; a = a.parentElement) {
                        if (getComputedStyle(a).overflowX !== 'visible') return false; } return true; })
                      .slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ')
                    """);
                found.Add($"{name} at {width}px scrolls sideways by {overflow}px ({wide})");
            }
        }
    }

    /// <summary>The views reached from the main navigation: link text and a screenshot name.</summary>
    private static readonly (string Link, string Name)[] NavigationViews =
    [
        ("History", "history"),
        ("Agents", "agents"),
        ("Analytics", "analytics"),
        ("New design", "new-design-again"),
    ];

    private async Task<IEnumerable<string>> AxeViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("typeof window.axe !== 'undefined'"))
        {
            await page.EvaluateAsync(server.AxeSource);
        }

        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
            }
            """);
        return violations.EnumerateArray().Select(v => v.GetString()!).ToList();
    }


    private static ILocator RequirementsBox(IPage page) => WebPageSteps.RequirementsBox(page);

    private Task SignInAsync(IPage page, string? key = null) => WebPageSteps.SignInAsync(page, key ?? server.DevelopmentKey);

    private Task ScreenshotAsync(IPage page, string name, bool fullPage = false) =>
        WebPageSteps.ScreenshotAsync(server, page, name, fullPage);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
