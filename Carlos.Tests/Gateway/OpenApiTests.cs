using System.Text.Json;
using Carlos.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;

namespace Carlos.Tests.Gateway;

[Collection(FastGatewayCollection.Name)]
public sealed class OpenApiTests(FastGateway gateway)
{
    [Fact]
    public async Task Every_mapped_v1_endpoint_is_documented_with_its_auth_and_error_responses()
    {
        var document = JsonDocument.Parse(await gateway.CreateClient(null).GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");
        var endpoints = gateway.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/v1", StringComparison.Ordinal) == true)
            .ToList();
        Assert.NotEmpty(endpoints);
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));

        foreach (var endpoint in endpoints)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(endpoint.RoutePattern.RawText!, "{([^:}]+)(:[^}]+)?}", "{$1}").TrimEnd('/');
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the OpenAPI document");
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single().ToLowerInvariant();
            var operation = item.GetProperty(method);
            Assert.True(operation.TryGetProperty("security", out var security) && security.GetArrayLength() > 0,
                $"{method} {path} has no security requirement");
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("401", out _), $"{method} {path} does not document 401");
            Assert.True(responses.TryGetProperty("429", out _), $"{method} {path} does not document 429");
        }
    }
}
