using System.Net;
using System.Text.Json;
using Carlos.Contracts.Designs;
using Carlos.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Carlos.Tests.Cache;

[Collection(CacheGatewayCollection.Name)]
public sealed class DesignCacheApiTests(CacheGateway gateway)
{
    private const string Aks = "AKS cluster with monitoring and a PostgreSQL database";

    private static string NewTenant() => $"cache-{Guid.NewGuid():N}"[..30];

    [Fact]
    public async Task The_same_requirements_with_other_spacing_case_and_punctuation_hit_without_a_model_call()
    {
        var key = await gateway.NewTenantKeyAsync(NewTenant());
        var first = await gateway.DesignAsync(key, CacheGateway.Body(Aks));
        var callsAfterFirst = gateway.Model.Calls;

        const string variant = "  aks   CLUSTER with monitoring,\n and a postgresql DATABASE!! ";
        var second = await gateway.DesignAsync(key, CacheGateway.Body(variant));

        Assert.Equal(DesignEventType.DesignStarted, first[0].Type);
        Assert.Equal(DesignEventType.CacheHit, second[0].Type);
        Assert.Equal(DesignEventType.Completed, second[^1].Type);
        Assert.Equal(callsAfterFirst, gateway.Model.Calls);
        Assert.DoesNotContain(second, e => e.Type == DesignEventType.Token);
        Assert.Equal(
            first.Where(e => e.Type == DesignEventType.AgentCompleted).Select(e => (e.Step, e.Output)).Order(),
            second.Where(e => e.Type == DesignEventType.AgentCompleted).Select(e => (e.Step, e.Output)).Order());
        Assert.Equal(second.Count(e => e.Type == DesignEventType.AgentStarted),
            second.Count(e => e.Type == DesignEventType.AgentCompleted));
        Assert.Contains(second, e => e.Type == DesignEventType.Validation);
        Assert.Contains(second, e => e.Type == DesignEventType.TerraformCheck);

        var original = await gateway.GetJsonAsync(key, $"/v1/designs/{first[0].DesignId}");
        var hit = await gateway.GetJsonAsync(key, $"/v1/designs/{second[0].DesignId}");
        Assert.NotEqual(first[0].DesignId, second[0].DesignId);
        Assert.Equal("completed", hit.GetProperty("status").GetString());
        Assert.StartsWith("  aks", hit.GetProperty("requirements").GetString(), StringComparison.Ordinal);
        Assert.Equal(original.GetProperty("terraform").GetString(), hit.GetProperty("terraform").GetString());
        Assert.Equal(0, hit.GetProperty("usage").GetProperty("totalTokens").GetInt64());
        Assert.Equal(original.GetProperty("usage").GetProperty("totalTokens").GetInt64(),
            hit.GetProperty("cacheHit").GetProperty("tokensSaved").GetInt64());
        Assert.Equal("tenant", hit.GetProperty("cacheHit").GetProperty("scope").GetString());
        Assert.False(original.TryGetProperty("cacheHit", out _));
    }

    [Fact]
    public async Task A_different_setting_misses_and_runs_the_agents()
    {
        var key = await gateway.NewTenantKeyAsync(NewTenant());
        await gateway.DesignAsync(key, CacheGateway.Body(Aks));
        var calls = gateway.Model.Calls;

        var other = await gateway.DesignAsync(key, CacheGateway.Body(Aks, ""","costPerformance":"cost_optimized" """));
        var budget = await gateway.DesignAsync(key, CacheGateway.Body(Aks, ""","monthlyBudgetUsd":50000"""));

        Assert.Equal(DesignEventType.DesignStarted, other[0].Type);
        Assert.Equal(DesignEventType.DesignStarted, budget[0].Type);
        Assert.True(gateway.Model.Calls > calls);
        var stats = await gateway.GetJsonAsync(key, "/v1/cache/stats");
        Assert.Equal(0, stats.GetProperty("hits").GetInt64());
        Assert.Equal(3, stats.GetProperty("misses").GetInt64());
        Assert.Equal(3, stats.GetProperty("entries").GetInt32());
    }

    [Fact]
    public async Task Bypass_runs_the_agents_even_when_the_design_is_cached()
    {
        var key = await gateway.NewTenantKeyAsync(NewTenant());
        await gateway.DesignAsync(key, CacheGateway.Body(Aks));
        var calls = gateway.Model.Calls;

        var bypassed = await gateway.DesignAsync(key, CacheGateway.Body(Aks, ""","bypassCache":true"""));
        var cached = await gateway.DesignAsync(key, CacheGateway.Body(Aks));

        Assert.Equal(DesignEventType.DesignStarted, bypassed[0].Type);
        Assert.Equal(DesignEventType.Completed, bypassed[^1].Type);
        Assert.True(gateway.Model.Calls > calls);
        Assert.Equal(DesignEventType.CacheHit, cached[0].Type);
    }

    [Fact]
    public async Task Tenant_b_gets_tenant_a_design_only_when_both_share_and_the_requirements_are_generic()
    {
        string a = NewTenant(), b = NewTenant();
        var keyA = await gateway.NewTenantKeyAsync(a);
        var keyB = await gateway.NewTenantKeyAsync(b);
        const string generic = "App Service web app with Azure SQL and a Redis cache";
        const string shared = "Event driven order processing with Service Bus and Functions";

        await gateway.DesignAsync(keyA, CacheGateway.Body(generic));
        var neitherShares = await gateway.DesignAsync(keyB, CacheGateway.Body(generic));
        await gateway.ShareAsync(a, true);
        await gateway.DesignAsync(keyA, CacheGateway.Body(shared));
        var onlyAShares = await gateway.DesignAsync(keyB, CacheGateway.Body(shared));
        await gateway.ShareAsync(b, true);
        var bothShare = await gateway.DesignAsync(keyB, CacheGateway.Body(shared.ToUpperInvariant()));
        var writtenBeforeSharing = await gateway.DesignAsync(keyB, CacheGateway.Body(generic));

        Assert.Equal(DesignEventType.DesignStarted, neitherShares[0].Type);
        Assert.Equal(DesignEventType.DesignStarted, onlyAShares[0].Type);
        Assert.Equal(DesignEventType.CacheHit, bothShare[0].Type);
        Assert.Equal(DesignEventType.DesignStarted, writtenBeforeSharing[0].Type);
        var design = await gateway.GetJsonAsync(keyB, $"/v1/designs/{bothShare[0].DesignId}");
        Assert.Equal("shared", design.GetProperty("cacheHit").GetProperty("scope").GetString());
        using var other = gateway.CreateClient(keyA);
        using var foreign = await other.GetAsync($"/v1/designs/{bothShare[0].DesignId}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task A_requirement_naming_a_company_is_never_shared_even_between_sharing_tenants()
    {
        string a = NewTenant(), b = NewTenant();
        var keyA = await gateway.NewTenantKeyAsync(a);
        var keyB = await gateway.NewTenantKeyAsync(b);
        await gateway.ShareAsync(a, true);
        await gateway.ShareAsync(b, true);
        const string named = "AKS cluster with monitoring for Contoso";

        await gateway.DesignAsync(keyA, CacheGateway.Body(named));
        var b1 = await gateway.DesignAsync(keyB, CacheGateway.Body(named));
        var aAgain = await gateway.DesignAsync(keyA, CacheGateway.Body("aks cluster with monitoring for contoso"));

        Assert.Equal(DesignEventType.DesignStarted, b1[0].Type);
        Assert.Equal(DesignEventType.CacheHit, aAgain[0].Type);
        var design = await gateway.GetJsonAsync(keyA, $"/v1/designs/{aAgain[0].DesignId}");
        Assert.Equal("tenant", design.GetProperty("cacheHit").GetProperty("scope").GetString());
    }

    [Fact]
    public async Task A_tenant_seeded_with_shared_cache_shares_with_an_opted_in_tenant()
    {
        var seeded = await gateway.NewTenantKeyAsync(CacheGateway.SeededSharingTenant);
        var other = NewTenant();
        var key = await gateway.NewTenantKeyAsync(other);
        await gateway.ShareAsync(other, true);
        const string requirements = "Static web app with Front Door and Blob storage for 2500 users";

        await gateway.DesignAsync(seeded, CacheGateway.Body(requirements));
        var hit = await gateway.DesignAsync(key, CacheGateway.Body(requirements));

        Assert.Equal(DesignEventType.CacheHit, hit[0].Type);
        using var admin = gateway.CreateClient(gateway.AdminKey);
        var settings = JsonDocument.Parse(
            await admin.GetStringAsync($"/v1/admin/tenants/{CacheGateway.SeededSharingTenant}/cache")).RootElement;
        Assert.True(settings.GetProperty("sharedScope").GetBoolean());
        Assert.Equal("configuration", settings.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Designs_refined_by_answers_are_not_cached()
    {
        var key = await gateway.NewTenantKeyAsync(NewTenant());
        const string vague = "Something nice please";
        var first = await gateway.DesignAsync(key, CacheGateway.Body(vague));
        Assert.Equal(DesignEventType.Question, first[^1].Type);
        using var client = gateway.CreateClient(key);
        using var answered = await client.PostAsync($"/v1/designs/{first[0].DesignId}/answers",
            GatewayServer.Json("""{"answers":["A public shop","App Service","Azure SQL","1000 users","800 USD"]}"""));
        answered.EnsureSuccessStatusCode();
        await WaitForStatusAsync(key, first[0].DesignId!.Value, "completed");

        var again = await gateway.DesignAsync(key, CacheGateway.Body(vague));

        Assert.Equal(DesignEventType.DesignStarted, again[0].Type);
        Assert.Equal(DesignEventType.Question, again[^1].Type);
        Assert.Equal(0, (await gateway.GetJsonAsync(key, "/v1/cache/stats")).GetProperty("entries").GetInt32());
    }

    [Fact]
    public async Task Designs_that_read_documents_are_neither_looked_up_nor_cached()
    {
        var key = await gateway.NewTenantKeyAsync(NewTenant());
        using var client = gateway.CreateClient(key);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent("We need an AKS cluster and Key Vault."u8.ToArray())
            { Headers = { ContentType = new("text/plain") } }, "file", "notes.txt");
        using var upload = await client.PostAsync("/v1/documents", form);
        var uploaded = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement;
        var documentId = uploaded.GetProperty("id").GetString();
        await WaitForStatusAsync(key, Guid.Parse(documentId!), "completed", "documents");
        var body = CacheGateway.Body(Aks, $$""","documentIds":["{{documentId}}"]""");

        var first = await gateway.DesignAsync(key, body);
        var second = await gateway.DesignAsync(key, body);

        Assert.Equal(DesignEventType.Completed, first[^1].Type);
        Assert.Equal(DesignEventType.DesignStarted, second[0].Type);
        var stats = await gateway.GetJsonAsync(key, "/v1/cache/stats");
        Assert.Equal(0, stats.GetProperty("entries").GetInt32());
        Assert.Equal(0, stats.GetProperty("misses").GetInt64());
    }

    [Fact]
    public async Task Stats_count_hits_misses_and_tokens_saved_and_only_a_tenant_admin_may_clear()
    {
        var tenant = NewTenant();
        var admin = await gateway.NewTenantKeyAsync(tenant, "root", role: "tenant_admin");
        var user = await gateway.NewTenantKeyAsync(tenant, "bob");
        var made = await gateway.DesignAsync(user, CacheGateway.Body(Aks));
        await gateway.DesignAsync(user, CacheGateway.Body(Aks));
        await gateway.DesignAsync(admin, CacheGateway.Body(Aks));
        var tokens = (await gateway.GetJsonAsync(user, $"/v1/designs/{made[0].DesignId}"))
            .GetProperty("usage").GetProperty("totalTokens").GetInt64();

        var stats = await gateway.GetJsonAsync(user, "/v1/cache/stats");
        using var userClient = gateway.CreateClient(user);
        using var refused = await userClient.DeleteAsync("/v1/cache");
        using var adminClient = gateway.CreateClient(admin);
        using var cleared = await adminClient.DeleteAsync("/v1/cache");
        var after = await gateway.GetJsonAsync(user, "/v1/cache/stats");
        var again = await gateway.DesignAsync(user, CacheGateway.Body(Aks));

        Assert.Equal(2, stats.GetProperty("hits").GetInt64());
        Assert.Equal(1, stats.GetProperty("misses").GetInt64());
        Assert.Equal(0.6667, stats.GetProperty("hitRate").GetDouble(), 3);
        Assert.Equal(1, stats.GetProperty("entries").GetInt32());
        Assert.Equal(2 * tokens, stats.GetProperty("tokensSaved").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("https://carlos.dev/problems/forbidden",
            JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(0, after.GetProperty("entries").GetInt32());
        Assert.Equal(DesignEventType.DesignStarted, again[0].Type);
    }

    [Fact]
    public async Task Deleting_the_design_that_wrote_an_entry_removes_the_entry_and_so_does_deleting_the_tenant()
    {
        var tenant = NewTenant();
        var admin = await gateway.NewTenantKeyAsync(tenant, "root", role: "tenant_admin");
        var made = await gateway.DesignAsync(admin, CacheGateway.Body(Aks));
        using var client = gateway.CreateClient(admin);

        using var deleted = await client.DeleteAsync($"/v1/designs/{made[0].DesignId}");
        var afterDelete = await gateway.GetJsonAsync(admin, "/v1/cache/stats");
        var rerun = await gateway.DesignAsync(admin, CacheGateway.Body(Aks));
        using var erased = await client.DeleteAsync("/v1/tenant/data");
        var afterErase = await WaitForEntriesAsync(admin, 0);
        var fresh = await gateway.DesignAsync(admin, CacheGateway.Body(Aks));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, afterDelete.GetProperty("entries").GetInt32());
        Assert.Equal(DesignEventType.DesignStarted, rerun[0].Type);
        Assert.Equal(HttpStatusCode.Accepted, erased.StatusCode);
        Assert.Equal(0, afterErase.GetProperty("entries").GetInt32());
        Assert.Equal(DesignEventType.DesignStarted, fresh[0].Type);
    }

    /// <summary>Tenant deletion runs in the background after its <c>202</c>; its end shows in the stats.</summary>
    private async Task<JsonElement> WaitForEntriesAsync(string key, int entries)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var stats = await gateway.GetJsonAsync(key, "/v1/cache/stats");
            if (stats.GetProperty("entries").GetInt32() == entries || DateTime.UtcNow > deadline)
            {
                return stats;
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Hits_misses_and_tokens_saved_reach_the_metrics_endpoint()
    {
        var key = await gateway.NewTenantKeyAsync(NewTenant());
        await gateway.DesignAsync(key, CacheGateway.Body("Azure Functions with Cosmos DB and Key Vault"));
        await gateway.DesignAsync(key, CacheGateway.Body("azure functions with cosmos db and key vault"));
        using var scraper = gateway.CreateClient(key: null);

        var text = "";
        await Operations.DesignTracingTests.WaitUntilAsync(() =>
        {
            text = scraper.GetStringAsync("/metrics").GetAwaiter().GetResult();
            return text.Contains("carlos_cache_hits_total{", StringComparison.Ordinal);
        });

        Assert.Matches("carlos_cache_hits_total\\{[^}]*carlos_cache_scope=\"tenant\"", text);
        Assert.Matches("carlos_cache_misses_total\\{[^}]*carlos_cache_scope=\"tenant\"", text);
        Assert.Matches("carlos_cache_tokens_saved_total\\{[^}]*\\} [1-9]", text);
    }

    [Fact]
    public async Task A_hit_is_charged_to_the_design_rate_limit()
    {
        var key = await gateway.NewTenantKeyAsync(NewTenant(), plan: "tight");
        await gateway.DesignAsync(key, CacheGateway.Body(Aks));
        await gateway.DesignAsync(key, CacheGateway.Body(Aks));
        var third = await gateway.DesignAsync(key, CacheGateway.Body(Aks));
        using var client = gateway.CreateClient(key);

        using var fourth = await client.PostAsync("/v1/designs", GatewayServer.Json(CacheGateway.Body(Aks)));

        Assert.Equal(DesignEventType.CacheHit, third[0].Type);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
    }

    [Fact]
    public async Task The_admin_api_sets_the_shared_scope_and_refuses_unknown_tenants_and_bad_bodies()
    {
        var tenant = NewTenant();
        await gateway.NewTenantKeyAsync(tenant);
        using var admin = gateway.CreateClient(gateway.AdminKey);

        var before = JsonDocument.Parse(await admin.GetStringAsync($"/v1/admin/tenants/{tenant}/cache")).RootElement;
        var path = $"/v1/admin/tenants/{tenant}/cache";
        using var set = await admin.PutAsync(path, GatewayServer.Json("""{"sharedScope":true}"""));
        using var unknown = await admin.PutAsync("/v1/admin/tenants/no-such-tenant/cache",
            GatewayServer.Json("""{"sharedScope":true}"""));
        using var bad = await admin.PutAsync(path, GatewayServer.Json("""{"shared":1}"""));
        using var tenantKey = gateway.CreateClient(
            await gateway.NewTenantKeyAsync(tenant, "eve", role: "tenant_admin"));
        using var notAdmin = await tenantKey.GetAsync($"/v1/admin/tenants/{tenant}/cache");

        Assert.False(before.GetProperty("sharedScope").GetBoolean());
        Assert.Equal("default", before.GetProperty("source").GetString());
        var after = JsonDocument.Parse(await set.Content.ReadAsStringAsync()).RootElement;
        Assert.True(after.GetProperty("sharedScope").GetBoolean());
        Assert.Equal("admin", after.GetProperty("source").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, notAdmin.StatusCode);
    }

    [Fact]
    public async Task An_entry_past_its_time_to_live_is_removed_from_storage()
    {
        var tenant = NewTenant();
        var key = await gateway.NewTenantKeyAsync(tenant);
        const string requirements = "Container Apps with a Storage queue and Key Vault";
        // The request as the gateway makes it: the default plan turns the rival on.
        var request = new Carlos.Gateway.Endpoints.CreateDesignBody { Requirements = requirements }.Validate().Request!
            with { Rival = true };
        var entryKey = gateway.Services.GetRequiredService<Carlos.Grains.Cache.DesignCache>()
            .EntryKey(tenant, false, request);
        await gateway.DesignAsync(key, CacheGateway.Body(requirements));
        var storedBefore = await StoredAsync(entryKey);
        var entriesBefore = (await gateway.GetJsonAsync(key, "/v1/cache/stats")).GetProperty("entries").GetInt32();

        gateway.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await StoredAsync(entryKey)
            || (await gateway.GetJsonAsync(key, "/v1/cache/stats")).GetProperty("entries").GetInt32() > 0)
        {
            await Task.Delay(50, cancel.Token);
        }

        var again = await gateway.DesignAsync(key, CacheGateway.Body(requirements));

        Assert.True(storedBefore);
        Assert.Equal(1, entriesBefore);
        Assert.Equal(DesignEventType.DesignStarted, again[0].Type);
    }

    /// <summary>Whether the entry's state is in grain storage, read there rather than through its grain.</summary>
    private async Task<bool> StoredAsync(string entryKey)
    {
        var storage = gateway.Services.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(
            Carlos.Grains.Hosting.StorageNames.Default);
        var state = new Orleans.GrainState<Carlos.Grains.Cache.DesignCacheEntryState>();
        await storage.ReadStateAsync("entry", GrainId.Create("carlos.cache-entry", entryKey), state);
        return state.RecordExists && state.State?.Design is not null;
    }

    private async Task WaitForStatusAsync(string key, Guid id, string status, string kind = "designs")
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var json = await gateway.GetJsonAsync(key, $"/v1/{kind}/{id}");
            if (json.GetProperty("status").GetString() == status)
            {
                return;
            }

            await Task.Delay(50, cancel.Token);
        }
    }
}
