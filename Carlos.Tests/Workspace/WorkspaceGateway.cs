using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Carlos.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Carlos.Tests.Workspace;

/// <summary>
/// A fast gateway whose clock can be moved forward, so retention can be watched without waiting; plan <c>brief</c>
/// keeps designs 7 days. Tests of this collection each use their own tenants.
/// </summary>
public sealed class WorkspaceGateway : GatewayServer
{
    public WorkspaceGateway()
        : base(tokensPerSecond: 200_000, heartbeat: TimeSpan.FromSeconds(15))
    {
        Settings["Carlos:Plans:brief:RetentionDays"] = "7";
        Settings["Carlos:RateLimits:custom_agent:PermitLimit"] = "1000";
    }

    public ShiftingClock Clock { get; } = new();

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<TimeProvider>(Clock);

    /// <summary>A client of a new tenant's user; <paramref name="role"/> <c>tenant_admin</c> for an admin.</summary>
    public async Task<HttpClient> NewTenantClientAsync(string? tenant = null, string user = "alice",
        string plan = "default", string role = "user") =>
        CreateClient(await NewTenantKeyAsync(tenant ?? NewTenantId(), user, plan, role));

    public static string NewTenantId() => $"w-{Guid.NewGuid():N}"[..20];

    /// <summary>Starts a design and returns its id.</summary>
    public static async Task<Guid> StartDesignAsync(HttpClient client, string body)
    {
        using var response = await client.PostAsync("/v1/designs", Json(body));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Waits until the design's status is one the predicate accepts; returns the design.</summary>
    public static async Task<JsonElement> WaitForAsync(HttpClient client, Guid id, Func<string, bool> status)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var design = await client.GetFromJsonAsync<JsonElement>($"/v1/designs/{id}", cancel.Token);
            if (status(design.GetProperty("status").GetString()!))
            {
                return design;
            }

            await Task.Delay(50, cancel.Token);
        }
    }

    public static Task<JsonElement> WaitUntilFinishedAsync(HttpClient client, Guid id) =>
        WaitForAsync(client, id, s => s is "completed" or "revision_required" or "failed" or "cancelled" or "expired");
}

/// <summary>The system clock, moved forward by <see cref="Offset"/>; timers still run in real time.</summary>
public sealed class ShiftingClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

[CollectionDefinition(Name)]
public sealed class WorkspaceGatewayCollection : ICollectionFixture<WorkspaceGateway>
{
    public const string Name = "workspace gateway";
}
