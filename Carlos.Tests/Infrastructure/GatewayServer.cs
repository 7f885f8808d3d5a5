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
        };
    }

    protected Dictionary<string, string?> Settings { get; }

    internal CapturedLogs Logs { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = GatewayApp.Build(["--environment", "Development"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(Settings);
            builder.Logging.AddProvider(Logs);
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Client = CreateClient();
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

    public virtual async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
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
