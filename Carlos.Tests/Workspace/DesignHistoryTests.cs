using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Carlos.Grains.Events;

namespace Carlos.Tests.Workspace;

[Collection(WorkspaceGatewayCollection.Name)]
public sealed class DesignHistoryTests(WorkspaceGateway gateway)
{
    private const string Clear = """{"requirements":"A web shop on App Service with Azure SQL","allowQuestions":false}""";
    private const string Vague = """{"requirements":"Build us something great for our customers"}""";

    [Fact]
    public async Task The_list_pages_newest_first_with_a_cursor_and_filters_by_status()
    {
        using var client = await gateway.NewTenantClientAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await WorkspaceGateway.StartDesignAsync(client, Clear));
        }

        var waiting = await WorkspaceGateway.StartDesignAsync(client, Vague);
        foreach (var id in ids)
        {
            await WorkspaceGateway.WaitUntilFinishedAsync(client, id);
        }

        await WorkspaceGateway.WaitForAsync(client, waiting, s => s == "awaiting_answers");

        var seen = new List<JsonElement>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>(
                $"/v1/designs?limit=4{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page.GetProperty("items").EnumerateArray());
            var next = page.GetProperty("nextCursor");
            cursor = next.ValueKind == JsonValueKind.Null ? null : next.GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(2, pages);
        var listed = seen.Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(ids.Append(waiting).Reverse(), listed);
        var times = seen.Select(e => e.GetProperty("createdAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.All(seen, e => Assert.Equal("custom", e.GetProperty("scenario").GetString()));
        Assert.Equal("A web shop on App Service with Azure SQL", seen[^1].GetProperty("title").GetString());
        Assert.True(seen[^1].GetProperty("updatedAt").GetDateTimeOffset() >= times[^1]);

        var awaiting = await client.GetFromJsonAsync<JsonElement>("/v1/designs?status=awaiting_answers");
        Assert.Equal([waiting], awaiting.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        var completed = await client.GetFromJsonAsync<JsonElement>("/v1/designs?status=completed&limit=100");
        Assert.Equal(5, completed.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Bad_list_parameters_get_400_naming_the_parameter()
    {
        using var client = await gateway.NewTenantClientAsync();

        foreach (var (query, field) in new[]
                 {
                     ("status=finished", "status"), ("limit=0", "limit"), ("limit=101", "limit"), ("limit=x", "limit"),
                     ("cursor=not-a-cursor", "cursor"),
                 })
        {
            using var response = await client.GetAsync($"/v1/designs?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), query);
        }
    }

    [Fact]
    public async Task Deleting_a_design_cancels_it_and_removes_its_state_its_events_and_its_entry()
    {
        using var client = await gateway.NewTenantClientAsync();
        var id = await WorkspaceGateway.StartDesignAsync(client, Vague);
        await WorkspaceGateway.WaitForAsync(client, id, s => s == "awaiting_answers");
        var chunk = gateway.Grains.GetGrain<IDesignEventChunkGrain>(DesignEventChunkGrain.Key(id, 0));
        Assert.True(await chunk.CountAsync() > 0);

        using var deleted = await client.DeleteAsync($"/v1/designs/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/designs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/designs/{id}/events")).StatusCode);
        Assert.Equal(0, await chunk.CountAsync());
        var list = await client.GetFromJsonAsync<JsonElement>("/v1/designs");
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/v1/designs/{id}")).StatusCode);
    }

    [Fact]
    public async Task Another_tenant_neither_lists_nor_deletes_a_design()
    {
        using var owner = await gateway.NewTenantClientAsync();
        using var stranger = await gateway.NewTenantClientAsync(user: "alice");
        var id = await WorkspaceGateway.StartDesignAsync(owner, Clear);
        await WorkspaceGateway.WaitUntilFinishedAsync(owner, id);

        var theirs = await stranger.GetFromJsonAsync<JsonElement>("/v1/designs");
        using var delete = await stranger.DeleteAsync($"/v1/designs/{id}");

        Assert.Equal(0, theirs.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/v1/designs/{id}")).StatusCode);
    }
}
