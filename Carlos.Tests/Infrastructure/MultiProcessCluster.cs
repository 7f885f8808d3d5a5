using Carlos.Contracts.Identity;
using Carlos.Gateway.Hosting;
using Carlos.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Carlos.Tests.Infrastructure;

/// <summary>
/// Separate silo hosts and client-mode gateways in this test process, joined through a real Redis: the same code
/// paths as separate processes, with every host's logs captured. Silos and gateways can be stopped one by one.
/// </summary>
internal sealed class MultiProcessCluster(RedisServer redis, IDictionary<string, string?>? extra = null) : IAsyncDisposable
{
    private readonly string _clusterId = $"c-{Guid.NewGuid():N}";

    public List<WebApplication> Silos { get; } = [];

    public List<(WebApplication App, Uri Address)> Gateways { get; } = [];

    public CapturedLogs Logs { get; } = new();

    public string Pepper { get; } = $"pepper-{Guid.NewGuid():N}{Guid.NewGuid():N}";

    public string AdminKey { get; } = $"admin-{Guid.NewGuid():N}";

    /// <summary>A key seeded from configuration for user alice of tenant acme.</summary>
    public (string KeyId, string Key, string Secret) SeededKey { get; } = ApiKeys.Generate();

    private Dictionary<string, string?> Settings(string role)
    {
        var settings = Defaults(role);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    private Dictionary<string, string?> Defaults(string role) => new()
    {
        ["Urls"] = "http://127.0.0.1:0",
        ["Carlos:Redis:ConnectionString"] = redis.ConnectionString,
        ["Carlos:Cluster:ClusterId"] = _clusterId,
        ["Carlos:Cluster:ServiceId"] = "carlos-tests",
        ["Carlos:Cluster:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Carlos:Cluster:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Carlos:Cluster:Mode"] = role == "gateway" ? "Client" : "Embedded",
        ["Carlos:Auth:Pepper"] = Pepper,
        ["Carlos:AdminApiKey"] = AdminKey,
        ["Carlos:Model:Builtin:TokensPerSecond"] = "200000",
        ["Carlos:Tenants:acme:Plan"] = "default",
        ["Carlos:Tenants:acme:Keys:0:User"] = "alice",
        ["Carlos:Tenants:acme:Keys:0:Role"] = "user",
        ["Carlos:Tenants:acme:Keys:0:Hash"] = ApiKeys.SeedValue(SeededKey.KeyId, ApiKeys.Hash(Pepper, SeededKey.Secret)),
        ["Logging:LogLevel:Default"] = "Debug",
    };

    public async Task<WebApplication> StartSiloAsync()
    {
        var app = SiloApp.Build([], builder => Configure(builder, Settings("silo")));
        await app.StartAsync();
        Silos.Add(app);
        return app;
    }

    public async Task<HttpClient> StartGatewayAsync(string? key = null)
    {
        var app = GatewayApp.Build([], builder => Configure(builder, Settings("gateway")));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Gateways.Add((app, address));
        return GatewayServer.CreateClient(address, key ?? SeededKey.Key);
    }

    public HttpClient Client(int gateway, string? key = null) =>
        GatewayServer.CreateClient(Gateways[gateway].Address, key ?? SeededKey.Key);

    public async Task StopAsync(WebApplication app)
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Silos.Remove(app);
        Gateways.RemoveAll(g => g.App == app);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (app, _) in Gateways.ToList())
        {
            await StopAsync(app);
        }

        foreach (var silo in Silos.ToList())
        {
            await StopAsync(silo);
        }
    }

    private void Configure(WebApplicationBuilder builder, Dictionary<string, string?> settings)
    {
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(Logs);
    }
}
