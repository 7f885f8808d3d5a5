using Microsoft.Playwright;

namespace Carlos.Tests.Web;

/// <summary>A gateway for the page whose design cache is on (the other fixtures turn it off).</summary>
public sealed class WebCacheFixture : WebPageFixture
{
    public WebCacheFixture() => Settings["Carlos:Cache:Enabled"] = "true";
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WebCacheCollection : ICollectionFixture<WebCacheFixture>
{
    public const string Name = "web page with the design cache";
}

/// <summary>The design cache as a person meets it: an instant answer, its figures, clearing it, and designing afresh.</summary>
[Collection(WebCacheCollection.Name)]
public sealed class WebCacheTests(WebCacheFixture server)
{
    [Fact]
    public async Task A_repeated_request_is_answered_from_the_cache_which_an_admin_can_clear_and_a_user_can_bypass()
    {
        var key = await server.NewTenantKeyAsync($"web-cache-{Guid.NewGuid():N}"[..24], role: "tenant_admin");
        var page = await server.OpenPageAsync();
        await WebPageSteps.SignInAsync(page, key);

        await WebPageSteps.StartDesignAsync(page, "Redis cache and App Service for a web shop");
        await WebPageSteps.ExpectStatusAsync(page, "Completed");
        await Assertions.Expect(page.GetByText("answered this design from a recent identical request")).ToHaveCountAsync(0);

        await WebPageSteps.GoAsync(page, "New design");
        await WebPageSteps.StartDesignAsync(page, "  redis CACHE and app service for a web shop ");
        await WebPageSteps.ExpectStatusAsync(page, "Completed");
        await Assertions.Expect(page.GetByText("answered this design from a recent identical request")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("terraform")).ToContainTextAsync("azurerm");

        await WebPageSteps.GoAsync(page, "New design");
        await page.GetByLabel("Design afresh").CheckAsync();
        await WebPageSteps.StartDesignAsync(page, "Redis cache and App Service for a web shop");
        await WebPageSteps.ExpectStatusAsync(page, "Completed");
        await Assertions.Expect(page.GetByText("answered this design from a recent identical request")).ToHaveCountAsync(0);

        await WebPageSteps.GoAsync(page, "Analytics");
        await Assertions.Expect(page.GetByTestId("cache-hits")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("cache-entries")).Not.ToHaveTextAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear the cache" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The cache is empty" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("cache-entries")).ToHaveTextAsync("0");
        await WebPageSteps.ScreenshotAsync(server, page, "analytics-cache", fullPage: true);

        await page.Context.CloseAsync();
    }
}
