using System.Net;
using System.Text.Json;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Gateway;

[Collection(FastGatewayCollection.Name)]
public sealed class CallerEndpointTests(FastGateway gateway)
{
    [Fact]
    public async Task Me_names_the_tenant_user_role_and_plan_of_the_presented_key()
    {
        var tenant = $"me-{Guid.NewGuid():N}"[..20];
        var key = await gateway.NewTenantKeyAsync(tenant, user: "maria", plan: "tight");
        using var client = gateway.CreateClient(key);

        using var me = JsonDocument.Parse(await client.GetStringAsync("/v1/me"));
        Assert.Equal(tenant, me.RootElement.GetProperty("tenantId").GetString());
        Assert.Equal("maria", me.RootElement.GetProperty("userId").GetString());
        Assert.Equal("user", me.RootElement.GetProperty("role").GetString());
        Assert.Equal("tight", me.RootElement.GetProperty("plan").GetString());

        using var dev = JsonDocument.Parse(await gateway.Client.GetStringAsync("/v1/me"));
        Assert.Equal("tenant_admin", dev.RootElement.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Me_without_a_key_is_unauthorized()
    {
        using var client = gateway.CreateClient(null);
        using var response = await client.GetAsync("/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
