using System.Net;
using System.Text;
using System.Text.Json;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Gateway;

[Collection(FastGatewayCollection.Name)]
public sealed class BadRequestTests(FastGateway gateway)
{
    private async Task<(HttpStatusCode Status, JsonElement Problem, string? ContentType)> PostAsync(HttpContent content)
    {
        using var response = await gateway.Client.PostAsync("/v1/designs", content);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(body).RootElement, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"requirements":""}""", "requirements")]
    [InlineData("""{"requirements":"   "}""", "requirements")]
    [InlineData("""{}""", "requirements")]
    [InlineData("""{"requirements":"AKS","costPerformance":"cheapest"}""", "costPerformance")]
    [InlineData("""{"requirements":"AKS","compliance":3}""", "compliance")]
    [InlineData("""{"requirements":"AKS","scenario":"moon_base"}""", "scenario")]
    [InlineData("""{"requirements":"AKS","monthlyBudgetUsd":-5}""", "monthlyBudgetUsd")]
    [InlineData("""{"requirements":"AKS","monthlyBudgetUsd":"lots"}""", "monthlyBudgetUsd")]
    [InlineData("""{"requirements":"AKS","colour":"blue"}""", "colour")]
    [InlineData("""{"requirements":42}""", "requirements")]
    public async Task An_invalid_field_is_a_400_problem_naming_it(string json, string field)
    {
        var (status, problem, type) = await PostAsync(GatewayServer.Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal("https://carlos.dev/problems/validation", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requirements_over_fifty_thousand_characters_are_refused()
    {
        var json = JsonSerializer.Serialize(new { requirements = new string('a', 50_001) });

        var (status, problem, _) = await PostAsync(GatewayServer.Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("requirements", out _));
    }

    [Theory]
    [InlineData("{\"requirements\": ")]
    [InlineData("not json at all")]
    [InlineData("null")]
    public async Task Malformed_json_is_a_400_problem(string body)
    {
        var (status, problem, _) = await PostAsync(GatewayServer.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("https://carlos.dev/problems/malformed-json", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_problem()
    {
        var json = JsonSerializer.Serialize(new { requirements = new string('a', 400_000) });

        var (status, problem, _) = await PostAsync(GatewayServer.Json(json));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("https://carlos.dev/problems/payload-too-large", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_oversized_chunked_body_without_a_length_is_a_413_problem()
    {
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { requirements = new string('a', 400_000) }));
        var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/designs") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        var (status, problem, _) = await PostAsync(new StringContent("requirements=AKS", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("https://carlos.dev/problems/unsupported-media-type", problem.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("GET", "/v1/designs/{0}")]
    [InlineData("GET", "/v1/designs/{0}/events")]
    [InlineData("GET", "/v1/designs/{0}/terraform")]
    [InlineData("POST", "/v1/designs/{0}/cancel")]
    public async Task An_unknown_design_is_a_404_problem(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, path, Guid.NewGuid()));

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_malformed_last_event_id_is_a_400_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/designs/{Guid.NewGuid()}/events");
        request.Headers.Add("Last-Event-ID", "yesterday");

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_path_that_is_not_an_id_is_a_404_problem_not_a_500()
    {
        using var response = await gateway.Client.GetAsync("/v1/designs/not-a-guid");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
