using System.Net;
using System.Text.Json;
using Carlos.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Carlos.Tests.Web;

/// <summary>
/// The web page, driven in headless chromium against a real gateway: sign-in, a design watched live to its
/// results, documents, errors in words, untrusted model output, accessibility (axe-core) and a 375 px screen.
/// </summary>
[Collection(WebPageCollection.Name)]
public sealed class WebPageTests(WebPageFixture server)
{
    private const string Requirements = "AKS cluster with monitoring and a PostgreSQL database";

    [Fact]
    public async Task Signing_in_shows_the_tenant_user_and_quota_and_keeps_the_key_in_session_storage_only()
    {
        var page = await server.OpenPageAsync();

        await page.GetByLabel("API key").FillAsync("ck_0000000000000000.not-a-real-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByText("This key was not accepted")).ToBeVisibleAsync();

        await SignInAsync(page);
        Assert.Equal("dev", await page.GetByTestId("tenant").TextContentAsync());
        Assert.Equal("dev-user", await page.GetByTestId("user").TextContentAsync());
        await page.GetByText("Remaining quota").ClickAsync();
        var quotas = page.Locator("[data-quota]");
        await Expect(quotas).ToHaveCountAsync(4);
        await Expect(page.Locator("[data-quota=design] td").First).ToContainTextAsync("of 100000");

        Assert.Equal(server.DevelopmentKey, await page.EvaluateAsync<string>("sessionStorage.getItem('carlos.apiKey')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("document.cookie.length"));
        await ScreenshotAsync(page, "signed-in");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_design_streams_its_tokens_into_agent_lanes_and_ends_with_a_drawn_diagram_charts_and_terraform()
    {
        var page = await server.OpenPageAsync();
        await RecordLaneUpdatesAsync(page);
        await page.ReloadAsync();
        await SignInAsync(page);

        await RequirementsBox(page).FillAsync(Requirements);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the design" }).ClickAsync();

        await Expect(page.GetByTestId("design-status")).ToHaveTextAsync("Completed", new() { Timeout = 60_000 });
        var updates = await page.EvaluateAsync<JsonElement>("window.__laneUpdates");
        var live = updates.EnumerateArray().Where(u => u.GetProperty("status").GetString() != "Completed").ToList();
        Assert.True(live.Count >= 3, $"token text reached the lanes only {live.Count} times before the design completed");
        Assert.Contains(live, u => u.GetProperty("lane").GetString() == "architect");

        foreach (var agent in new[] { "architect", "security", "cost", "reliability", "validator", "recommender", "terraform" })
        {
            await Expect(page.Locator($"[data-lane='{agent}']")).ToHaveAttributeAsync("data-state", "completed");
        }

        var diagram = page.Locator("#design .diagram svg");
        await Expect(diagram).ToBeVisibleAsync();
        await Expect(diagram).ToContainTextAsync("Kubernetes");
        Assert.True(await diagram.Locator("g.node").CountAsync() >= 5, "the diagram has its components drawn as nodes");
        await Expect(page.Locator("#cost canvas")).ToBeVisibleAsync();
        await Expect(page.Locator("#cost table tbody tr")).ToHaveCountAsync(5);
        await Expect(page.Locator("#security .severity-group").First).ToBeVisibleAsync();
        await Expect(page.Locator("#reliability")).ToContainTextAsync("Composite SLA");
        await Expect(page.Locator("#verdict")).ToContainTextAsync("Passed validation");
        await Expect(page.GetByTestId("terraform-check")).ToHaveTextAsync("Passes every check");
        await Expect(page.GetByTestId("terraform")).ToContainTextAsync("hashicorp/azurerm");
        Assert.True(await page.Locator("[data-testid=terraform] .hljs-keyword").CountAsync() > 5, "Terraform is highlighted");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Download the files (.zip)" }).ClickAsync());
        var zip = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal((byte)'P', zip[0]);
        Assert.Equal((byte)'K', zip[1]);
        await ScreenshotAsync(page, "design-completed", fullPage: true);
        await page.Locator("#design .diagram").ScreenshotAsync(new() { Path = Path.Combine(server.ArtifactsDirectory, "diagram.png") });
        await page.Locator("#cost").ScreenshotAsync(new() { Path = Path.Combine(server.ArtifactsDirectory, "cost.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_uploaded_document_shows_its_progress_and_extraction_and_the_design_reads_it()
    {
        var page = await server.OpenPageAsync();
        await SignInAsync(page);

        var text = "Requirements for the shop.\nThe shop runs on App Service with Azure SQL and Redis.\n";
        await page.GetByLabel("Add a document").SetInputFilesAsync(new FilePayload
        {
            Name = "shop-requirements.md", MimeType = "text/markdown", Buffer = System.Text.Encoding.UTF8.GetBytes(text),
        });
        var box = page.GetByLabel("Use shop-requirements.md");
        await Expect(box).ToBeCheckedAsync();
        var row = page.Locator("li.document", new() { Has = box });
        await Expect(row).ToContainTextAsync("Ready:");
        var documentId = await row.GetAttributeAsync("data-document");

        await RequirementsBox(page).FillAsync("A web shop as described in the attached document");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the design" }).ClickAsync();
        await Expect(page.GetByTestId("design-status")).ToHaveTextAsync("Completed", new() { Timeout = 60_000 });

        var id = page.Url.Split("#/designs/")[1];
        using var design = JsonDocument.Parse(await server.Client.GetStringAsync($"/v1/designs/{id}"));
        Assert.Equal(documentId, design.RootElement.GetProperty("documentIds")[0].GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Model_output_with_a_script_or_an_onerror_attribute_does_not_execute()
    {
        var page = await server.OpenPageAsync();
        await SignInAsync(page);
        var messages = new List<string>();
        page.Console += (_, m) => messages.Add(m.Text);

        const string hostile = "AKS cluster. <script>window.__xss = 'script'</script> "
            + "<img src=x onerror=\"window.__xss = 'onerror'\"> [link](javascript:window.__xss='link')";
        await RequirementsBox(page).FillAsync(hostile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the design" }).ClickAsync();
        await Expect(page.GetByTestId("design-status")).ToHaveTextAsync("Completed", new() { Timeout = 60_000 });
        await Expect(page.Locator("#design .diagram svg")).ToBeVisibleAsync();

        // The hostile text reached the design (quoted from the requirements) and is shown, but as inert content.
        var markdown = page.GetByTestId("design-markdown");
        await Expect(markdown).ToContainTextAsync("AKS cluster.");
        Assert.Equal(0, await markdown.Locator("script").CountAsync());
        Assert.Equal(0, await page.Locator("[onerror]").CountAsync());
        Assert.Equal(0, await page.Locator("a[href^='javascript']").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("window.__xss === undefined"), "hostile markup ran");

        // The policy itself forbids inline script, should sanitising ever miss one.
        await page.EvaluateAsync("""
            () => { const s = document.createElement('script'); s.textContent = "window.__inline = 1"; document.body.append(s); }
            """);
        Assert.True(await page.EvaluateAsync<bool>("window.__inline === undefined"), "an inline script ran");
        Assert.Contains(messages, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_page_is_served_with_a_policy_that_forbids_inline_scripts_and_with_security_headers()
    {
        using var client = GatewayServer.CreateClient(server.BaseAddress, key: null);
        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());

        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

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
            using var cancelled = await client.PostAsync($"/v1/designs/{id}/cancel", null);
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        await Expect(page.GetByTestId("design-status")).ToHaveTextAsync("Completed", new() { Timeout = 60_000 });
        await Expect(page.Locator(".queue")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    private static async Task<string> StartAsync(HttpClient client, string requirements)
    {
        using var started = await client.PostAsync("/v1/designs",
            GatewayServer.Json(JsonSerializer.Serialize(new { requirements })));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
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
        ("Analytics", "analytics"),
        ("New design", "new-design-again"),
    ];

    private static ILocator RequirementsBox(IPage page) => WebPageSteps.RequirementsBox(page);

    private Task SignInAsync(IPage page, string? key = null) => WebPageSteps.SignInAsync(page, key ?? server.DevelopmentKey);

    /// <summary>Records each change of a lane's streamed text, with the design's status at that moment.</summary>
    private static Task RecordLaneUpdatesAsync(IPage page) => page.AddInitScriptAsync("""
        window.__laneUpdates = [];
        new MutationObserver((changes) => {
          for (const change of changes) {
            const lane = change.target.closest && change.target.closest('[data-lane]');
            if (!lane || !change.target.classList.contains('lane-text')) continue;
            const badge = document.querySelector('[data-testid=design-status]');
            window.__laneUpdates.push({ lane: lane.dataset.lane, length: change.target.textContent.length,
              status: badge ? badge.textContent : '' });
          }
        }).observe(document, { childList: true, subtree: true });
        """);

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

    private Task ScreenshotAsync(IPage page, string name, bool fullPage = false) =>
        WebPageSteps.ScreenshotAsync(server, page, name, fullPage);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
