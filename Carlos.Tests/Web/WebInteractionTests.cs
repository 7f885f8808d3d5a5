using System.Net;
using System.Text.Json;
using Carlos.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Carlos.Tests.Web;

/// <summary>The page while a design runs or is refused: errors in words, the queue, questions, cancel.</summary>
[Collection(WebPageCollection.Name)]
public sealed class WebInteractionTests(WebPageFixture server)
{
    private const string Requirements = "AKS cluster with monitoring and a PostgreSQL database";

    [Fact]
    public async Task Errors_from_the_api_are_shown_in_plain_words_naming_the_field_or_the_reset_time()
    {
        var key = await server.NewTenantKeyAsync($"web-tight-{Guid.NewGuid():N}"[..24], plan: "tight");
        var page = await server.OpenPageAsync();
        await SignInAsync(page, key);

        await RequirementsBox(page).FillAsync(Requirements);
        await page.GetByLabel("Monthly budget in USD").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the design" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Monthly budget:");
        await Expect(page.GetByLabel("Monthly budget in USD")).ToHaveAttributeAsync("aria-invalid", "true");
        await ScreenshotAsync(page, "error-field");

        // The tight plan allows 3 designs an hour; the invalid request above got its permit back.
        using var client = GatewayServer.CreateClient(server.BaseAddress, key);
        var started = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            started.Add(await StartAsync(client, Requirements));
        }

        await page.GetByLabel("Monthly budget in USD").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the design" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("You have used all 3 new designs your plan allows");
        await Expect(alert).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"try again at \d\d:\d\d \(in \d+ minutes\)"));
        await ScreenshotAsync(page, "error-rate-limit");
        await page.Context.CloseAsync();
        foreach (var id in started)
        {
            using var _ = await client.PostAsync($"/v1/designs/{id}/cancel", null); // frees the fixture's slots
        }
    }

    [Fact]
    public async Task A_design_that_waits_for_a_slot_shows_its_place_in_the_queue_then_runs()
    {
        // The fixture runs two designs at a time; two long ones fill the slots.
        var key = await server.NewTenantKeyAsync($"web-queue-{Guid.NewGuid():N}"[..24]);
        using var client = GatewayServer.CreateClient(server.BaseAddress, key);
        var longRequirements = string.Join(' ', Enumerable.Repeat(Requirements, 300));
        var blockers = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            blockers.Add(await StartAsync(client, longRequirements));
        }

        var page = await server.OpenPageAsync();
        await SignInAsync(page, key);
        await RequirementsBox(page).FillAsync(Requirements);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the design" }).ClickAsync();
        await Expect(page.GetByTestId("design-status")).ToHaveTextAsync("Queued");
        await Expect(page.Locator(".queue")).ToContainTextAsync("number 1 in the queue");
        await ScreenshotAsync(page, "queued");

        foreach (var id in blockers)
        {
            // A blocker that finished already (409) has freed its slot too.
            using var cancelled = await client.PostAsync($"/v1/designs/{id}/cancel", null);
            Assert.True(cancelled.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"cancel answered {cancelled.StatusCode}");
        }

        await Expect(page.GetByTestId("design-status")).ToHaveTextAsync("Completed", new() { Timeout = 60_000 });
        await Expect(page.Locator(".queue")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_tenant_over_its_token_cap_is_refused_a_new_design_in_words_with_the_reset_time()
    {
        // The fixture's "capped" plan allows one model token a day; the first design (the built-in model is not
        // held by the token budget) spends far more, so the next one is refused at the door.
        var key = await server.NewTenantKeyAsync($"web-cap-{Guid.NewGuid():N}"[..22], plan: "capped");
        var page = await server.OpenPageAsync();
        await SignInAsync(page, key);

        await RequirementsBox(page).FillAsync(Requirements);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the design" }).ClickAsync();
        await Expect(page.GetByTestId("design-status")).ToHaveTextAsync("Completed", new() { Timeout = 60_000 });

        await page.GetByRole(AriaRole.Link, new() { Name = "New design", Exact = true }).ClickAsync();
        await RequirementsBox(page).FillAsync(Requirements);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the design" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("Your tenant has used up its daily token cap of 1 model tokens");
        await Expect(alert).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"try again at \d\d:\d\d \(in \d+ (minutes|hours)\)"));
        await ScreenshotAsync(page, "error-spend-cap");
        await page.Context.CloseAsync();
    }

    private static async Task<string> StartAsync(HttpClient client, string requirements)
    {
        using var started = await client.PostAsync("/v1/designs",
            GatewayServer.Json(JsonSerializer.Serialize(new { requirements })));
        Assert.True(started.StatusCode == HttpStatusCode.Accepted,
            $"POST /v1/designs answered {started.StatusCode}: {await started.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Clarifying_questions_are_answered_in_place_and_the_design_goes_on()
    {
        var page = await server.OpenPageAsync();
        await SignInAsync(page);

        await RequirementsBox(page).FillAsync("Something for our team to share notes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the design" }).ClickAsync();
        await Expect(page.GetByTestId("design-status")).ToHaveTextAsync("Waiting for your answers", new() { Timeout = 30_000 });
        var answers = page.Locator("form.questions textarea");
        var count = await answers.CountAsync();
        Assert.InRange(count, 1, 5);
        string[] replies = ["An internal web app for 200 staff", "App Service", "Azure SQL", "200 users", "GDPR"];
        for (var i = 0; i < count; i++)
        {
            await answers.Nth(i).FillAsync(replies[i]);
        }

        await ScreenshotAsync(page, "questions");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send answers" }).ClickAsync();
        await Expect(page.GetByTestId("design-status")).ToHaveTextAsync("Completed", new() { Timeout = 60_000 });
        await Expect(page.Locator("form.questions")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_running_design_can_be_cancelled_from_its_page()
    {
        var page = await server.OpenPageAsync();
        await SignInAsync(page);

        // A long document keeps the design running for a while at the fixture's pace.
        await RequirementsBox(page).FillAsync(string.Join(' ', Enumerable.Repeat(Requirements, 200)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the design" }).ClickAsync();
        await Expect(page.GetByTestId("design-status")).ToHaveTextAsync("Running", new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel design" }).ClickAsync();
        await Expect(page.GetByTestId("design-status")).ToHaveTextAsync("Cancelled", new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel design" })).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    private static ILocator RequirementsBox(IPage page) => WebPageSteps.RequirementsBox(page);

    private Task SignInAsync(IPage page, string? key = null) => WebPageSteps.SignInAsync(page, key ?? server.DevelopmentKey);

    private Task ScreenshotAsync(IPage page, string name, bool fullPage = false) =>
        WebPageSteps.ScreenshotAsync(server, page, name, fullPage);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
