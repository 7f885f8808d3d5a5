using Microsoft.Playwright;

namespace Carlos.Tests.Web;

/// <summary>The lead and rival designs on the page, and overruling the recommender's choice.</summary>
[Collection(WebPageCollection.Name)]
public sealed class WebRivalTests(WebPageFixture server)
{
    [Fact]
    public async Task The_two_designs_are_compared_and_building_the_rival_regenerates_only_the_terraform()
    {
        var page = await server.OpenPageAsync();
        await WebPageSteps.SignInAsync(page, server.DevelopmentKey);
        await WebPageSteps.StartDesignAsync(page, "AKS cluster with monitoring and a PostgreSQL database");
        await WebPageSteps.ExpectStatusAsync(page, "Completed");

        var rival = page.Locator("#rival");
        await Assertions.Expect(rival.Locator("table.comparison tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByTestId("choice")).ToContainTextAsync("follows the lead design");
        await Assertions.Expect(page.Locator("[data-lane='architect.lead']")).ToHaveAttributeAsync("data-state", "completed");
        await Assertions.Expect(page.Locator("[data-lane='architect.rival']")).ToHaveAttributeAsync("data-state", "completed");
        await Assertions.Expect(page.GetByTestId("terraform")).ToContainTextAsync("azurerm_kubernetes_cluster");

        await rival.GetByText("Read the rival design").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=rival-markdown] .diagram svg")).ToBeVisibleAsync();
        await WebPageSteps.ScreenshotAsync(server, page, "rival", fullPage: true);
        await rival.ScreenshotAsync(new() { Path = Path.Combine(server.ArtifactsDirectory, "rival-section.png") });

        await rival.GetByRole(AriaRole.Button, new() { Name = "Build the rival design instead" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("choice")).ToContainTextAsync("You chose it over Carlos's recommendation",
            new() { Timeout = 60_000 });
        await WebPageSteps.ExpectStatusAsync(page, "Completed");
        await Assertions.Expect(page.GetByTestId("terraform")).ToContainTextAsync("azurerm_container_app");
        await Assertions.Expect(page.GetByTestId("terraform")).Not.ToContainTextAsync("azurerm_kubernetes_cluster");
        await Assertions.Expect(page.Locator("#rival").GetByRole(AriaRole.Button, new() { Name = "Build the lead design instead" }))
            .ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
