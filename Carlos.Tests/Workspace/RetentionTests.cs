using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Carlos.Grains.Events;
using Carlos.Grains.Workspace;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Workspace;

[Collection(WorkspaceGatewayCollection.Name)]
public sealed class RetentionTests(WorkspaceGateway gateway)
{
    private const string Clear = DeploymentFeedbackTests.Clear;

    private static async Task<Guid> UploadAsync(HttpClient client)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent("Orders are kept in Azure SQL."u8.ToArray()), "file", "notes.txt");
        using var response = await client.PostAsync("/v1/documents", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task The_sweep_deletes_designs_their_events_and_documents_older_than_the_plan_keeps()
    {
        var briefTenant = WorkspaceGateway.NewTenantId();
        var longTenant = WorkspaceGateway.NewTenantId();
        using var brief = await gateway.NewTenantClientAsync(briefTenant, plan: "brief");
        using var kept = await gateway.NewTenantClientAsync(longTenant);
        var old = await WorkspaceGateway.StartDesignAsync(brief, Clear);
        var document = await UploadAsync(brief);
        var survivor = await WorkspaceGateway.StartDesignAsync(kept, Clear);
        await WorkspaceGateway.WaitUntilFinishedAsync(brief, old);
        await WorkspaceGateway.WaitUntilFinishedAsync(kept, survivor);
        await DeploymentFeedbackTests.PostAsync(brief, old, DeploymentFeedbackTests.Valid());
        var chunk = gateway.Grains.GetGrain<IDesignEventChunkGrain>(DesignEventChunkGrain.Key(old, 0));

        int swept, sweptLong, early;
        early = await gateway.Grains.GetGrain<ITenantWorkspaceWriter>(briefTenant).SweepAsync();
        gateway.Clock.Offset = TimeSpan.FromDays(8);
        try
        {
            swept = await gateway.Grains.GetGrain<ITenantWorkspaceWriter>(briefTenant).SweepAsync();
            sweptLong = await gateway.Grains.GetGrain<ITenantWorkspaceWriter>(longTenant).SweepAsync();
        }
        finally
        {
            gateway.Clock.Offset = TimeSpan.Zero;
        }

        Assert.Equal(0, early);
        Assert.Equal(1, swept);
        Assert.Equal(0, sweptLong);
        Assert.Equal(HttpStatusCode.NotFound, (await brief.GetAsync($"/v1/designs/{old}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await brief.GetAsync($"/v1/designs/{old}/deployment")).StatusCode);
        Assert.Equal(0, await chunk.CountAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await brief.GetAsync($"/v1/documents/{document}")).StatusCode);
        Assert.Equal(0, (await brief.GetFromJsonAsync<JsonElement>("/v1/designs")).GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await brief.GetFromJsonAsync<JsonElement>("/v1/analytics/deployments"))
            .GetProperty("totalDesigns").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await kept.GetAsync($"/v1/designs/{survivor}")).StatusCode);
    }

    [Fact]
    public async Task A_tenant_admin_deletes_all_of_the_tenants_data_at_once_and_a_user_may_not()
    {
        var tenant = WorkspaceGateway.NewTenantId();
        using var alice = await gateway.NewTenantClientAsync(tenant, "alice");
        using var admin = await gateway.NewTenantClientAsync(tenant, "root", role: "tenant_admin");
        using var neighbour = await gateway.NewTenantClientAsync();
        var design = await WorkspaceGateway.StartDesignAsync(alice, Clear);
        var adminDesign = await WorkspaceGateway.StartDesignAsync(admin, Clear);
        var untouched = await WorkspaceGateway.StartDesignAsync(neighbour, Clear);
        var document = await UploadAsync(alice);
        using var agent = await alice.PostAsync("/v1/agents", GatewayServer.Json("""{"name":"R","instructions":"Use a WAF."}"""));
        await WorkspaceGateway.WaitUntilFinishedAsync(alice, design);
        await DeploymentFeedbackTests.PostAsync(alice, design, DeploymentFeedbackTests.Valid());

        using var refused = await alice.DeleteAsync("/v1/tenant/data");
        using var accepted = await admin.DeleteAsync("/v1/tenant/data");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("deleting", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await gateway.Grains.GetGrain<Contracts.Workspace.ITenantWorkspaceGrain>(tenant)
                   .IsDeletingAsync(new Contracts.Identity.Caller(tenant, "root", Contracts.Identity.CallerRole.TenantAdmin)))
        {
            await Task.Delay(50, cancel.Token);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/v1/designs/{design}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/v1/designs/{adminDesign}")).StatusCode);
        Assert.Equal(0, await gateway.Grains.GetGrain<IDesignEventChunkGrain>(DesignEventChunkGrain.Key(design, 0)).CountAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/v1/documents/{document}")).StatusCode);
        Assert.Equal(0, (await alice.GetFromJsonAsync<JsonElement>("/v1/designs")).GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await alice.GetFromJsonAsync<JsonElement>("/v1/agents")).GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/v1/analytics/deployments"))
            .GetProperty("totalDesigns").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await neighbour.GetAsync($"/v1/designs/{untouched}")).StatusCode);
    }
}
