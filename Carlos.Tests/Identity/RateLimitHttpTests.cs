using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Identity;

[Collection(FastGatewayCollection.Name)]
public sealed class RateLimitHttpTests(FastGateway gateway)
{
    private const string Design = """{"requirements":"App Service web app"}""";

    private async Task<HttpClient> TightClientAsync(string user = "alice") =>
        gateway.CreateClient(await gateway.NewTenantKeyAsync($"t-{Guid.NewGuid():N}"[..20], user, plan: "tight"));

    [Fact]
    public async Task Over_the_plan_limit_a_design_gets_429_with_retry_after_and_ratelimit_fields()
    {
        using var client = await TightClientAsync();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await client.PostAsync("/v1/designs", GatewayServer.Json(Design));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        var problem = JsonDocument.Parse(await last!.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("design", problem.GetProperty("endpoint").GetString());
        Assert.Equal(3, problem.GetProperty("limit").GetInt32());
        Assert.Equal(0, problem.GetProperty("remaining").GetInt32());
        Assert.True(problem.GetProperty("resetAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(59));
        Assert.InRange(int.Parse(last.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture), 3500, 3600);
        Assert.Equal("\"design\";q=3;w=3600", last.Headers.GetValues("RateLimit-Policy").Single());
        Assert.StartsWith("\"design\";r=0;t=", last.Headers.GetValues("RateLimit").Single(), StringComparison.Ordinal);
        last.Dispose();
    }

    [Fact]
    public async Task Every_limited_response_carries_the_ratelimit_fields()
    {
        using var client = await TightClientAsync();

        using var accepted = await client.PostAsync("/v1/designs", GatewayServer.Json(Design));
        using var read = await client.GetAsync("/v1/scenarios");

        Assert.Equal("\"design\";r=2;t=3600", accepted.Headers.GetValues("RateLimit").Single());
        Assert.Equal("\"read\";q=600;w=60", read.Headers.GetValues("RateLimit-Policy").Single());
    }

    [Fact]
    public async Task A_request_refused_as_invalid_consumes_no_quota()
    {
        using var client = await TightClientAsync();
        for (var i = 0; i < 5; i++)
        {
            using var bad = await client.PostAsync("/v1/designs", GatewayServer.Json("""{"requirements":""}"""));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        var limits = await client.GetFromJsonAsync<JsonElement>("/v1/rate-limits");
        var design = limits.EnumerateArray().Single(e => e.GetProperty("endpoint").GetString() == "design");
        Assert.Equal(3, design.GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task Headers_a_client_sends_do_not_change_whose_quota_is_charged()
    {
        using var client = await TightClientAsync();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/designs") { Content = GatewayServer.Json(Design) };
            request.Headers.Add("X-Forwarded-For", $"10.0.0.{i}");
            request.Headers.Add("X-User-Id", $"someone-{i}");
            request.Headers.Add("X-Tenant-Id", "other");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        using var spoofed = new HttpRequestMessage(HttpMethod.Post, "/v1/designs") { Content = GatewayServer.Json(Design) };
        spoofed.Headers.Add("X-Forwarded-For", "192.0.2.77");
        spoofed.Headers.Add("X-User-Id", "fresh-user");
        using var refused = await client.SendAsync(spoofed);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task Quotas_are_per_user_within_a_tenant()
    {
        var tenant = $"t-{Guid.NewGuid():N}"[..20];
        using var alice = gateway.CreateClient(await gateway.NewTenantKeyAsync(tenant, "alice", plan: "tight"));
        using var bob = gateway.CreateClient(await gateway.NewTenantKeyAsync(tenant, "bob", plan: "tight"));
        for (var i = 0; i < 3; i++)
        {
            (await alice.PostAsync("/v1/designs", GatewayServer.Json(Design))).Dispose();
        }

        using var aliceRefused = await alice.PostAsync("/v1/designs", GatewayServer.Json(Design));
        using var bobAllowed = await bob.PostAsync("/v1/designs", GatewayServer.Json(Design));

        Assert.Equal(HttpStatusCode.TooManyRequests, aliceRefused.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, bobAllowed.StatusCode);
    }

    [Fact]
    public async Task The_rate_limits_endpoint_shows_every_class()
    {
        using var client = await TightClientAsync();

        var limits = await client.GetFromJsonAsync<JsonElement>("/v1/rate-limits");

        var byClass = limits.EnumerateArray().ToDictionary(e => e.GetProperty("endpoint").GetString()!);
        Assert.Equal(["custom_agent", "design", "read", "upload"], byClass.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3, byClass["design"].GetProperty("limit").GetInt32());
        Assert.Equal(2, byClass["upload"].GetProperty("limit").GetInt32());
        Assert.Equal(20, byClass["custom_agent"].GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task An_idempotent_retry_returns_the_first_answer_creates_one_design_and_is_charged_once()
    {
        using var client = await TightClientAsync();
        var key = Guid.NewGuid().ToString();

        var answers = new List<(HttpStatusCode Status, string Body, bool Replayed)>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/designs") { Content = GatewayServer.Json(Design) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Contains("Idempotent-Replayed")));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.Status));
        Assert.Single(answers.Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("id").GetString()).Distinct());
        Assert.Equal([false, true, true], answers.Select(a => a.Replayed));
        var limits = await client.GetFromJsonAsync<JsonElement>("/v1/rate-limits");
        Assert.Equal(2, limits.EnumerateArray().Single(e => e.GetProperty("endpoint").GetString() == "design")
            .GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task An_idempotency_key_reused_with_another_body_is_a_422_problem()
    {
        using var client = await TightClientAsync();
        var key = Guid.NewGuid().ToString();

        using var first = new HttpRequestMessage(HttpMethod.Post, "/v1/designs") { Content = GatewayServer.Json(Design) };
        first.Headers.Add("Idempotency-Key", key);
        (await client.SendAsync(first)).Dispose();
        using var second = new HttpRequestMessage(HttpMethod.Post, "/v1/designs")
        {
            Content = GatewayServer.Json("""{"requirements":"Something else entirely"}"""),
        };
        second.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(second);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }
}

[Collection(FastGatewayCollection.Name)]
public sealed class UploadQuotaTests(FastGateway gateway)
{
    private static MultipartFormDataContent TextFile(string text)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text)), "file", "notes.txt");
        return form;
    }

    [Fact]
    public async Task Uploads_are_charged_to_the_upload_quota_and_an_idempotent_retry_stores_one_document_charged_once()
    {
        using var client = gateway.CreateClient(await gateway.NewTenantKeyAsync($"t-{Guid.NewGuid():N}"[..20], plan: "tight"));
        var key = Guid.NewGuid().ToString();
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/documents") { Content = TextFile("AKS with PostgreSQL") };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!);
        }

        using var second = await client.PostAsync("/v1/documents", TextFile("Another file"));
        using var third = await client.PostAsync("/v1/documents", TextFile("One too many"));
        var listed = JsonDocument.Parse(await client.GetStringAsync("/v1/documents")).RootElement;

        Assert.Single(ids.Distinct());
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("\"upload\";q=2;w=3600", third.Headers.GetValues("RateLimit-Policy").Single());
        Assert.Equal(2, listed.GetArrayLength());
    }
}
