using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Carlos.Contracts.Identity;
using Carlos.Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Carlos.Benchmarks;

/// <summary>
/// The gateway a single-process benchmark measures: an embedded silo on free loopback ports, in-memory state, the
/// built-in model, a fresh development key, and a client that presents it.
/// </summary>
internal sealed class BenchmarkGateway : IAsyncDisposable
{
    private BenchmarkGateway(WebApplication app, HttpClient http)
    {
        App = app;
        Http = http;
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    /// <summary>Starts a gateway with <paramref name="settings"/> on top of the benchmark defaults.</summary>
    public static async Task<BenchmarkGateway> StartAsync(
        IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var key = ApiKeys.Generate().Key;
        var all = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Carlos:Cluster:SiloPort"] = FreePort(),
            ["Carlos:Cluster:GatewayPort"] = FreePort(),
            ["Carlos:Development:ApiKey"] = key,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (name, value) in settings)
        {
            all[name] = value;
        }

        var app = GatewayApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(all);
            builder.Logging.ClearProviders();
            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        var http = new HttpClient { BaseAddress = new Uri(addresses.Addresses.First()), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return new BenchmarkGateway(app, http);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
