using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Operations;

[Collection(OperatorGatewayCollection.Name)]
public sealed class DashboardTests(OperatorGateway gateway)
{
    [Fact]
    public async Task The_dashboard_answers_401_without_the_admin_key_even_to_a_tenant_key()
    {
        using var anonymous = gateway.CreateClient(key: null);
        using var tenant = gateway.CreateClient();
        using var wrong = gateway.CreateClient(gateway.AdminKey + "x");

        foreach (var client in new[] { anonymous, tenant, wrong })
        {
            using var response = await client.GetAsync("/dashboard/");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("Basic", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_dashboard_answers_with_the_admin_key_as_a_bearer_token_or_a_basic_password()
    {
        using var bearer = gateway.CreateClient(gateway.AdminKey);
        using var page = await bearer.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("html", (await page.Content.ReadAsStringAsync()).ToLowerInvariant(), StringComparison.Ordinal);

        using var browser = gateway.CreateClient(key: null);
        browser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{gateway.AdminKey}")));
        using var again = await browser.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Neither_the_dashboard_nor_metrics_appear_in_the_openapi_document()
    {
        var document = await gateway.Client.GetStringAsync("/openapi/v1.json");

        Assert.DoesNotContain("/dashboard", document, StringComparison.Ordinal);
        Assert.DoesNotContain("/metrics", document, StringComparison.Ordinal);
    }
}
