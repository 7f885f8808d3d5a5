using System.Net;
using System.Text.Json;
using Carlos.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Carlos.Tests.Web;

/// <summary>
/// The web page, driven in headless chromium against a real gateway: sign-in, a design watched live to its
/// results, documents, and untrusted model output.
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
        Assert.Contains(live, u => u.GetProperty("lane").GetString()!.StartsWith("architect", StringComparison.Ordinal));

        // One lane per agent, and per design when the rival runs (architect.lead, architect.rival, ...).
        var lanes = await page.Locator("[data-lane]").EvaluateAllAsync<string[][]>(
            "lanes => lanes.map(l => [l.dataset.lane, l.dataset.state])");
        Assert.All(lanes, l => Assert.Equal("completed", l[1]));
        var agents = lanes.Select(l => l[0].Split('.')[0]).ToHashSet();
        Assert.Superset(new HashSet<string> { "architect", "security", "cost", "reliability", "validator", "recommender", "terraform" },
            agents);

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


    private static ILocator RequirementsBox(IPage page) => WebPageSteps.RequirementsBox(page);

    private Task SignInAsync(IPage page, string? key = null) => WebPageSteps.SignInAsync(page, key ?? server.DevelopmentKey);

    private Task ScreenshotAsync(IPage page, string name, bool fullPage = false) =>
        WebPageSteps.ScreenshotAsync(server, page, name, fullPage);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
