using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Identity;

[Collection(FastGatewayCollection.Name)]
public sealed class ApiKeyTests(FastGateway gateway)
{
    private static string NewTenant() => $"t-{Guid.NewGuid():N}"[..20];

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-carlos-key")]
    [InlineData("ck_0123456789abcdef.wrong-secret")]
    public async Task A_missing_malformed_or_unknown_key_is_a_401_problem_with_a_bearer_challenge(string? key)
    {
        using var client = gateway.CreateClient(key);

        using var response = await client.GetAsync("/v1/scenarios");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.False(response.Headers.Contains("RateLimit"));
    }

    [Fact]
    public async Task A_key_created_by_the_admin_works_is_listed_without_secrets_and_stops_working_when_revoked()
    {
        var tenant = NewTenant();
        var key = await gateway.NewTenantKeyAsync(tenant);
        using var client = gateway.CreateClient(key);
        using var admin = gateway.CreateClient(gateway.AdminKey);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/scenarios")).StatusCode);

        var listed = await admin.GetStringAsync($"/v1/admin/tenants/{tenant}/keys");
        var keyId = JsonDocument.Parse(listed).RootElement[0].GetProperty("keyId").GetString()!;
        Assert.DoesNotContain(key.Split('.')[1], listed, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", listed, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/admin/tenants/{tenant}/keys/{keyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/v1/scenarios")).StatusCode);

        var audit = await admin.GetStringAsync("/v1/admin/audit?limit=1000");
        foreach (var action in new[] { "tenant.created", "key.created", "key.revoked", "key.revoked_use" })
        {
            Assert.Contains(JsonDocument.Parse(audit).RootElement.EnumerateArray(),
                e => e.GetProperty("action").GetString() == action && e.GetProperty("target").GetString() is { } t
                    && (t == keyId || t == tenant));
        }
    }

    [Fact]
    public async Task A_user_can_hold_two_keys_at_once_for_rotation()
    {
        var tenant = NewTenant();
        var first = await gateway.NewTenantKeyAsync(tenant, "bob");
        var second = await gateway.NewTenantKeyAsync(tenant, "bob");

        using var one = gateway.CreateClient(first);
        using var two = gateway.CreateClient(second);

        Assert.Equal(HttpStatusCode.OK, (await one.GetAsync("/v1/rate-limits")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await two.GetAsync("/v1/rate-limits")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_tenant_gets_403_and_is_let_in_again_when_enabled()
    {
        var tenant = NewTenant();
        var key = await gateway.NewTenantKeyAsync(tenant);
        using var client = gateway.CreateClient(key);
        using var admin = gateway.CreateClient(gateway.AdminKey);

        await admin.PutAsync($"/v1/admin/tenants/{tenant}", GatewayServer.Json("""{"disabled":true}"""));
        using var refused = await client.GetAsync("/v1/scenarios");
        await admin.PutAsync($"/v1/admin/tenants/{tenant}", GatewayServer.Json("""{"disabled":false}"""));
        using var allowed = await client.GetAsync("/v1/scenarios");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-admin-key")]
    public async Task The_admin_api_refuses_anything_but_the_admin_key(string? key)
    {
        using var client = gateway.CreateClient(key);

        using var response = await client.PostAsync("/v1/admin/tenants", GatewayServer.Json("""{"id":"sneaky","name":"x"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_tenant_key_cannot_use_the_admin_api()
    {
        using var client = gateway.CreateClient(await gateway.NewTenantKeyAsync(NewTenant(), role: "tenant_admin"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/v1/admin/audit")).StatusCode);
    }

    [Theory]
    [InlineData("""{"id":"Bad Id!","name":"x"}""", "id")]
    [InlineData("""{"id":"okay-id","name":""}""", "name")]
    [InlineData("""{"id":"okay-id","name":"x","plan":"platinum"}""", "plan")]
    public async Task Admin_input_is_validated_field_by_field(string json, string field)
    {
        using var admin = gateway.CreateClient(gateway.AdminKey);

        using var response = await admin.PostAsync("/v1/admin/tenants", GatewayServer.Json(json));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Another_tenants_design_events_and_terraform_answer_404_like_a_missing_one()
    {
        using var alice = gateway.CreateClient(await gateway.NewTenantKeyAsync(NewTenant()));
        using var mallory = gateway.CreateClient(await gateway.NewTenantKeyAsync(NewTenant()));
        using var created = await alice.PostAsync("/v1/designs", GatewayServer.Json("""{"requirements":"AKS"}"""));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        foreach (var path in new[] { $"/v1/designs/{id}", $"/v1/designs/{id}/events", $"/v1/designs/{id}/terraform" })
        {
            using var theirs = await mallory.GetAsync(path);
            using var missing = await mallory.GetAsync(path.Replace(id!, Guid.NewGuid().ToString(), StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
            Assert.Equal(await ProblemWithoutTraceAsync(missing), await ProblemWithoutTraceAsync(theirs));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await mallory.PostAsync($"/v1/designs/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/v1/designs/{id}")).StatusCode);
    }

    private static async Task<string> ProblemWithoutTraceAsync(HttpResponseMessage response)
    {
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return string.Join("|", problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
    }

    [Fact]
    public async Task Keys_and_the_pepper_never_reach_the_logs()
    {
        var key = await gateway.NewTenantKeyAsync(NewTenant());
        using var client = gateway.CreateClient(key);
        await client.GetAsync("/v1/scenarios");
        await gateway.CreateClient("ck_0123456789abcdef.guess").GetAsync("/v1/scenarios");

        var logs = gateway.Logs.All;
        Assert.DoesNotContain(key.Split('.')[1], logs, StringComparison.Ordinal);
        Assert.DoesNotContain(gateway.Pepper, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(gateway.AdminKey, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(gateway.DevelopmentKey.Split('.')[1], logs, StringComparison.Ordinal);
    }
}
