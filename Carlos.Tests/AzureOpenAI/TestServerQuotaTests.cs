using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Carlos.Testing.AzureOpenAI;
using Microsoft.Extensions.Time.Testing;

namespace Carlos.Tests.AzureOpenAI;

/// <summary>The test server's quotas, driven by a fake clock: no test here sleeps.</summary>
public sealed class TestServerQuotaTests
{
    private const string Deployment = "quota";

    [Fact]
    public async Task A_standard_deployment_keeps_a_reservation_for_the_whole_minute()
    {
        var time = new FakeTimeProvider();
        await using var server = await AzureOpenAITestServer.StartAsync(Options(time, 1000, 600, QuotaMode.Standard));
        using var http = Client(server);

        using var first = await PostAsync(http, maxTokens: 600);
        using var second = await PostAsync(http, maxTokens: 600);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((HttpStatusCode)429, second.StatusCode);
        var charged = server.Ledger[0];
        Assert.Equal(charged.PromptTokens + 600, charged.ChargedTokens);
        Assert.Equal("60000", Header(second, "retry-after-ms"));
        Assert.Equal("60", Header(second, "retry-after"));
        Assert.Equal((1000 - charged.ChargedTokens).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Header(second, "x-ratelimit-remaining-tokens"));

        time.Advance(TimeSpan.FromSeconds(60));
        using var third = await PostAsync(http, maxTokens: 600);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.NotNull(third.Headers.GetValues("x-ratelimit-remaining-requests").Single());
    }

    [Fact]
    public async Task A_provisioned_deployment_corrects_a_reservation_to_the_real_usage_when_the_call_ends()
    {
        var time = new FakeTimeProvider();
        await using var server =
            await AzureOpenAITestServer.StartAsync(Options(time, 1000, 600, QuotaMode.Provisioned));
        using var http = Client(server);

        using var first = await PostAsync(http, maxTokens: 600);
        using var second = await PostAsync(http, maxTokens: 600);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var entry = server.Ledger[0];
        Assert.Equal(entry.PromptTokens + 600, entry.ReservedTokens);
        Assert.Equal(entry.PromptTokens + entry.CompletionTokens, entry.ChargedTokens);
    }

    [Fact]
    public async Task Requests_per_minute_are_checked_over_ten_second_sub_windows()
    {
        var time = new FakeTimeProvider();
        await using var server =
            await AzureOpenAITestServer.StartAsync(Options(time, 1_000_000, 12, QuotaMode.Standard));
        using var http = Client(server);

        using var first = await PostAsync(http, maxTokens: 10);
        using var second = await PostAsync(http, maxTokens: 10);
        time.Advance(TimeSpan.FromSeconds(4));
        using var third = await PostAsync(http, maxTokens: 10);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((HttpStatusCode)429, third.StatusCode);
        Assert.Equal("6000", Header(third, "retry-after-ms"));
        time.Advance(TimeSpan.FromSeconds(6));
        using var fourth = await PostAsync(http, maxTokens: 10);
        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        Assert.Equal([200, 200, 429, 200], server.Ledger.Select(e => e.Status));
    }

    [Fact]
    public async Task A_request_with_the_wrong_api_key_is_refused_and_costs_nothing()
    {
        await using var server = await AzureOpenAITestServer.StartAsync(Options(new FakeTimeProvider(), 1000, 60,
            QuotaMode.Standard));
        using var http = new HttpClient { BaseAddress = server.Endpoint };
        http.DefaultRequestHeaders.Add("api-key", "not-the-key");

        using var response = await PostAsync(http, maxTokens: 10);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(Assert.Single(server.Ledger).Admitted);
    }

    [Fact]
    public async Task A_strict_schema_that_breaks_strict_mode_gets_a_400()
    {
        await using var server = await AzureOpenAITestServer.StartAsync(Options(new FakeTimeProvider(), 1000, 60,
            QuotaMode.Standard));
        using var http = Client(server);
        var format = JsonNode.Parse("""
            {"type":"json_schema","json_schema":{"name":"loose","strict":true,
             "schema":{"type":"object","properties":{"a":{"type":"string"}}}}}
            """);

        using var response = await PostAsync(http, maxTokens: 10, format);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("additionalProperties", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static AzureOpenAITestServerOptions Options(TimeProvider time, int tpm, int rpm, QuotaMode mode) => new()
    {
        Time = time,
        Deployments = [new TestDeployment(Deployment, tpm, rpm, mode)],
        Answer = _ => "A short answer.",
    };

    private static HttpClient Client(AzureOpenAITestServer server)
    {
        var http = new HttpClient { BaseAddress = server.Endpoint };
        http.DefaultRequestHeaders.Add("api-key", server.ApiKey);
        return http;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, int maxTokens, JsonNode? format = null)
    {
        var body = new JsonObject
        {
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Hello there" }),
            ["max_tokens"] = maxTokens,
        };
        if (format is not null)
        {
            body["response_format"] = format;
        }

        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await http.PostAsync(
            new Uri($"openai/deployments/{Deployment}/chat/completions?api-version=2024-10-21", UriKind.Relative),
            content);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.GetValues(name).Single();
}
