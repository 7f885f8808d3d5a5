using System.Net;
using System.Text.Json;
using Carlos.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Carlos.Tests.Web;

/// <summary>The page's workspace views: history, custom agents, the deployment tracker and the tenant's analytics.</summary>
[Collection(WebPageCollection.Name)]
public sealed class WebWorkspaceTests(WebPageFixture server)
{
    private const string Requirements = "AKS cluster with monitoring and a PostgreSQL database";

    [Fact]
    public async Task Deployment_feedback_is_saved_from_the_design_page_and_counts_in_the_tenant_analytics()
    {
        var key = await server.NewTenantKeyAsync($"web-fb-{Guid.NewGuid():N}"[..22]);
        var page = await server.OpenPageAsync();
        await WebPageSteps.SignInAsync(page, key);
        await WebPageSteps.StartDesignAsync(page, Requirements);
        await WebPageSteps.ExpectStatusAsync(page, "Completed");

        var tracker = page.Locator("#deployment");
        await tracker.GetByLabel("I deployed this design").CheckAsync();
        await tracker.GetByLabel("Deployment date").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await tracker.GetByLabel("The deployment worked").CheckAsync();
        await tracker.GetByLabel("Environment").SelectOptionAsync("production");
        await tracker.GetByLabel("Issues you ran into").FillAsync("Regional quota exceeded\nSlow DNS propagation");
        await tracker.GetByLabel("4", new() { Exact = true }).CheckAsync();
        await tracker.GetByRole(AriaRole.Button, new() { Name = "Save deployment feedback" }).ClickAsync();
        await Assertions.Expect(tracker.GetByRole(AriaRole.Status)).ToContainTextAsync("your feedback is saved");
        await WebPageSteps.ScreenshotAsync(server, page, "deployment-saved");

        var id = page.Url.Split("#/designs/")[1];
        using var client = GatewayServer.CreateClient(server.BaseAddress, key);
        using var record = JsonDocument.Parse(await client.GetStringAsync($"/v1/designs/{id}/deployment"));
        Assert.True(record.RootElement.GetProperty("deployed").GetBoolean());
        Assert.True(record.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal(4, record.RootElement.GetProperty("satisfactionRating").GetInt32());
        Assert.Equal(2, record.RootElement.GetProperty("issuesEncountered").GetArrayLength());

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#deployment").GetByLabel("I deployed this design")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByTestId("deployment-saved")).ToContainTextAsync("Last saved");

        await WebPageSteps.GoAsync(page, "Analytics");
        await Assertions.Expect(page.GetByTestId("total-designs")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("deployed-count")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#main table").Filter(new() { HasText = "Issues, most common first" }))
            .ToContainTextAsync("quota", new() { IgnoreCase = true });
        await WebPageSteps.ScreenshotAsync(server, page, "analytics-with-feedback", fullPage: true);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_deployment_without_a_rating_is_refused_with_the_field_named()
    {
        var page = await server.OpenPageAsync();
        await WebPageSteps.SignInAsync(page, server.DevelopmentKey);
        await WebPageSteps.StartDesignAsync(page, Requirements);
        await WebPageSteps.ExpectStatusAsync(page, "Completed");

        var tracker = page.Locator("#deployment");
        await tracker.GetByRole(AriaRole.Button, new() { Name = "Save deployment feedback" }).ClickAsync();
        await Assertions.Expect(tracker.GetByRole(AriaRole.Alert)).ToContainTextAsync("Satisfaction:");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task History_lists_the_users_designs_newest_first_filters_them_and_deletes_one()
    {
        var key = await server.NewTenantKeyAsync($"web-hist-{Guid.NewGuid():N}"[..24]);
        using var client = GatewayServer.CreateClient(server.BaseAddress, key);
        var ids = new List<string>();
        foreach (var requirements in new[] { "First: an AKS cluster", "Second: Redis cache and App Service" })
        {
            using var started = await client.PostAsync("/v1/designs", GatewayServer.Json($$"""{"requirements":"{{requirements}}"}"""));
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            ids.Add(JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!);
        }

        var page = await server.OpenPageAsync();
        await WebPageSteps.SignInAsync(page, key);
        await WebPageSteps.GoAsync(page, "History");
        var rows = page.Locator("tr[data-design]");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.First).ToContainTextAsync("Second: Redis cache");
        await WebPageSteps.ScreenshotAsync(server, page, "history");

        await page.GetByLabel("Show").SelectOptionAsync("failed");
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        await page.GetByLabel("Show").SelectOptionAsync("");
        await Assertions.Expect(rows).ToHaveCountAsync(2);

        await rows.First.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await rows.First.GetByRole(AriaRole.Button, new() { Name = "Yes, delete" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        using var gone = await client.GetAsync($"/v1/designs/{ids[1]}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        await rows.First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"#/designs/{ids[0]}$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_custom_agent_made_on_the_agents_page_reviews_a_design_that_includes_it()
    {
        var key = await server.NewTenantKeyAsync($"web-agent-{Guid.NewGuid():N}"[..24]);
        var page = await server.OpenPageAsync();
        await WebPageSteps.SignInAsync(page, key);

        await WebPageSteps.GoAsync(page, "Agents");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Egress reviewer");
        await page.GetByLabel("Focus").FillAsync("data egress");
        await page.GetByLabel("Instructions").FillAsync("Check that every data store is reached over private endpoints.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the agent" }).ClickAsync();
        await Assertions.Expect(page.Locator("li[data-agent]")).ToContainTextAsync("Egress reviewer");

        await WebPageSteps.GoAsync(page, "New design");
        await page.GetByLabel("Egress reviewer").CheckAsync();
        await WebPageSteps.StartDesignAsync(page, Requirements);
        await WebPageSteps.ExpectStatusAsync(page, "Completed");
        await Assertions.Expect(page.Locator("[data-lane^='custom.'] h3").First).ToContainTextAsync("Custom reviewer: Egress reviewer");
        await Assertions.Expect(page.Locator("#custom-reviews")).ToContainTextAsync("Egress reviewer");
        await page.Context.CloseAsync();
    }
}
