using System.Net.Http.Headers;
using System.Text;
using Carlos.Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Carlos.Tests.Infrastructure;

/// <summary>
/// A real gateway process-in-a-test: Kestrel on a free loopback port, an embedded silo on free ports, the built-in
/// model at the given pace. Tests talk to it over HTTP only.
/// </summary>
public abstract class GatewayServer : IAsyncLifetime
{
    private WebApplication? _app;

    protected GatewayServer(int tokensPerSecond, TimeSpan heartbeat)
    {
        Settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Carlos:Cluster:Mode"] = "Embedded",
            ["Carlos:Cluster:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Carlos:Cluster:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Carlos:Model:Builtin:TokensPerSecond"] = tokensPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Carlos:Streams:HeartbeatInterval"] = heartbeat.ToString(),
            ["Carlos:Auth:Pepper"] = Pepper,
            ["Carlos:Development:ApiKey"] = DevelopmentKey,
            ["Carlos:AdminApiKey"] = AdminKey,
            // Shared fixtures make many designs; the quota tests use tenants on a tight plan instead.
            ["Carlos:RateLimits:design:PermitLimit"] = "100000",
            ["Carlos:RateLimits:design:Window"] = "01:00:00",
            ["Carlos:RateLimits:upload:PermitLimit"] = "100000",
            ["Carlos:RateLimits:upload:Window"] = "01:00:00",
            ["Carlos:Plans:tight:RateLimits:upload:PermitLimit"] = "2",
            ["Carlos:Plans:tight:RateLimits:upload:Window"] = "01:00:00",
            ["Carlos:Auth:FailedAttemptsPerMinute"] = "100000",
            ["Carlos:Plans:tight:RateLimits:design:PermitLimit"] = "3",
            ["Carlos:Plans:tight:RateLimits:design:Window"] = "01:00:00",
            // Shared fixtures repeat the same requests and expect their agents to run; the cache tests turn it on.
            ["Carlos:Cache:Enabled"] = "false",
        };
    }

    public string Pepper { get; } = $"pepper-{Guid.NewGuid():N}-{Guid.NewGuid():N}";

    public string DevelopmentKey { get; } = Carlos.Contracts.Identity.ApiKeys.Generate().Key;

    public string AdminKey { get; } = $"admin-{Guid.NewGuid():N}";

    protected Dictionary<string, string?> Settings { get; }

    /// <summary>Creates a tenant and a key for one of its users through the admin API; returns the key.</summary>
    public async Task<string> NewTenantKeyAsync(string tenant, string user = "alice", string plan = "default",
        string role = "user")
    {
        using var admin = CreateClient(AdminKey);
        using var created = await admin.PostAsync("/v1/admin/tenants",
            Json($$"""{"id":"{{tenant}}","name":"{{tenant}}","plan":"{{plan}}"}"""));
        if (created.StatusCode != System.Net.HttpStatusCode.Conflict)
        {
            created.EnsureSuccessStatusCode();
        }

        using var key = await admin.PostAsync($"/v1/admin/tenants/{tenant}/keys", Json($$"""{"user":"{{user}}","role":"{{role}}"}"""));
        key.EnsureSuccessStatusCode();
        var json = System.Text.Json.JsonDocument.Parse(await key.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("key").GetString()!;
    }

    internal CapturedLogs Logs { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The endpoints the gateway mapped, for tests that compare them with documentation.</summary>
    public IEnumerable<Microsoft.AspNetCore.Http.Endpoint> Endpoints =>
        _app!.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints;

    /// <summary>The gateway's services, for tests that act on the host (its lifetime, its telemetry).</summary>
    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        await BeforeStartAsync();
        _app = GatewayApp.Build(["--environment", "Development"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(Settings);
            builder.Logging.AddProvider(Logs);
            Configure(builder);
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Client = CreateClient();
    }

    /// <summary>A client that sends the given key (the development key by default); null sends none.</summary>
    public HttpClient CreateClient(string? key = "") => CreateClient(BaseAddress, key == "" ? DevelopmentKey : key);

    public static HttpClient CreateClient(Uri baseAddress, string? key)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>Runs before the gateway is built, so that a derived server can start what it depends on.</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    /// <summary>Adds services or settings of a derived server to the gateway's builder.</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    /// <summary>Runs after the gateway has stopped.</summary>
    protected virtual ValueTask AfterStopAsync() => ValueTask.CompletedTask;


    public virtual async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await AfterStopAsync();
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async Task<HttpResponseMessage> StartStreamingAsync(string json, CancellationToken token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/designs") { Content = Json(json) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
    }

    public async Task<HttpResponseMessage> OpenEventsAsync(Guid id, long? lastEventId, CancellationToken token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/designs/{id}/events");
        if (lastEventId is { } last)
        {
            request.Headers.Add("Last-Event-ID", last.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
    }
}

/// <summary>A gateway whose designs finish in well under a second.</summary>
public sealed class FastGateway() : GatewayServer(tokensPerSecond: 200_000, heartbeat: TimeSpan.FromSeconds(15));

/// <summary>A gateway whose designs crawl (two tokens a second) and whose streams get frequent heartbeats.</summary>
public sealed class SlowGateway() : GatewayServer(tokensPerSecond: 2, heartbeat: TimeSpan.FromMilliseconds(300));

/// <summary>A gateway with tight guards: five failed authentications a minute, two open streams a user.</summary>
public sealed class GuardedGateway : GatewayServer
{
    public GuardedGateway()
        : base(tokensPerSecond: 2, heartbeat: TimeSpan.FromSeconds(15))
    {
        Settings["Carlos:Auth:FailedAttemptsPerMinute"] = "5";
        Settings["Carlos:Streams:MaxOpenPerUser"] = "2";
    }
}

/// <summary>A gateway whose silo runs one design at a time and queues one more.</summary>
public sealed class CrowdedGateway : GatewayServer
{
    public CrowdedGateway()
        : base(tokensPerSecond: 20, heartbeat: TimeSpan.FromSeconds(15))
    {
        Settings["Carlos:Workflow:MaxConcurrentPerSilo"] = "1";
        Settings["Carlos:Workflow:MaxQueuedPerSilo"] = "1";
    }
}

[CollectionDefinition(Name)]
public sealed class CrowdedGatewayCollection : ICollectionFixture<CrowdedGateway>
{
    public const string Name = "crowded gateway";
}

[CollectionDefinition(Name)]
public sealed class GuardedGatewayCollection : ICollectionFixture<GuardedGateway>
{
    public const string Name = "guarded gateway";
}

[CollectionDefinition(Name)]
public sealed class FastGatewayCollection : ICollectionFixture<FastGateway>
{
    public const string Name = "fast gateway";
}

[CollectionDefinition(Name)]
public sealed class SlowGatewayCollection : ICollectionFixture<SlowGateway>
{
    public const string Name = "slow gateway";
}
