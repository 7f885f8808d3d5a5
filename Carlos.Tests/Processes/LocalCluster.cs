using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Carlos.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Carlos.Tests.Processes;

/// <summary>
/// The real multi-process cluster of <c>deploy/local-cluster.sh</c> (Redis, two silos, a gateway), started on free
/// ports with the binaries this test run built, plus an Orleans client for looking inside.
/// </summary>
internal sealed partial class LocalCluster : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"carlos-cluster-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string> _env = [];
    private IHost? _client;

    public LocalCluster(int tokensPerSecond)
    {
        _env["CARLOS_LOCAL_DIR"] = _dir;
        _env["CARLOS_BIN"] = AppContext.BaseDirectory;
        _env["CARLOS_REDIS_PORT"] = Port();
        _env["CARLOS_GATEWAY_PORT"] = Port();
        _env["CARLOS_SILO_PORTS"] = $"{Port()} {Port()}";
        _env["CARLOS_SILO_GATEWAY_PORTS"] = $"{Port()} {Port()}";
        _env["CARLOS_SILO_HTTP_PORTS"] = $"{Port()} {Port()}";
        _env["Carlos__Cluster__ClusterId"] = $"local-{Guid.NewGuid():N}";
        _env["Carlos__Model__Builtin__TokensPerSecond"] = tokensPerSecond.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Process ids by name (redis, silo-1, silo-2, gateway) and each silo's silo port.</summary>
    public Dictionary<string, int> Pids { get; } = [];

    public Dictionary<string, int> SiloPorts { get; } = [];

    public string DevelopmentKey { get; private set; } = "";

    public int RedisPort => int.Parse(_env["CARLOS_REDIS_PORT"], CultureInfo.InvariantCulture);

    public Uri Gateway => new($"http://localhost:{_env["CARLOS_GATEWAY_PORT"]}");

    public IGrainFactory Grains => _client!.Services.GetRequiredService<IClusterClient>();

    public async Task UpAsync()
    {
        var output = await RunScriptAsync("up");
        foreach (Match m in ProcessLine().Matches(output))
        {
            Pids[m.Groups["name"].Value] = int.Parse(m.Groups["pid"].Value, CultureInfo.InvariantCulture);
            if (m.Groups["silo"].Success)
            {
                SiloPorts[m.Groups["name"].Value] = int.Parse(m.Groups["silo"].Value, CultureInfo.InvariantCulture);
            }
        }

        DevelopmentKey = File.ReadAllLines(Path.Combine(_dir, "secrets.env"))
            .Single(l => l.StartsWith("Carlos__Development__ApiKey=", StringComparison.Ordinal)).Split('=', 2)[1];
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client
            .UseRedisClustering(o => o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse($"127.0.0.1:{RedisPort}"))
            .Configure<ClusterOptions>(o => { o.ClusterId = _env["Carlos__Cluster__ClusterId"]; o.ServiceId = "carlos"; }));
        _client = builder.Build();
        await _client.StartAsync();
    }

    public HttpClient Client() => GatewayServer.CreateClient(Gateway, DevelopmentKey);

    public void Kill(string name) => Process.GetProcessById(Pids[name]).Kill(entireProcessTree: true);

    public async Task RestartRedisAsync()
    {
        Kill("redis");
        await Process.GetProcessById(Pids["redis"]).WaitForExitAsync();
    }

    /// <summary>Starts Redis again on its port and data directory, as the script does.</summary>
    public async Task StartRedisAsync()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", RedisPort.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                "--dir", Path.Combine(_dir, "redis"), "--appendonly", "yes", "--save", "" },
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        Pids["redis"] = process.Id;
        await File.WriteAllTextAsync(Path.Combine(_dir, "redis.pid"), process.Id.ToString(CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync(TimeSpan.FromSeconds(5));
            _client.Dispose();
        }

        await RunScriptAsync("down");
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<string> RunScriptAsync(string verb)
    {
        var script = Path.Combine(Architecture.LayeringTests.FindRepositoryRoot(), "deploy", "local-cluster.sh");
        var start = new ProcessStartInfo("bash", [script, verb]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in _env)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        if (process.ExitCode != 0)
        {
            var logs = Directory.Exists(Path.Combine(_dir, "logs"))
                ? string.Join("\n", Directory.GetFiles(Path.Combine(_dir, "logs")).Select(f => $"{f}:\n{File.ReadAllText(f)[^Math.Min(2000, File.ReadAllText(f).Length)..]}"))
                : "";
            throw new InvalidOperationException($"local-cluster.sh {verb} failed: {await stderr}\n{logs}");
        }

        return await stdout;
    }

    private static string Port() => FreePorts.Next().ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<name>redis|silo-\d|gateway) pid=(?<pid>\d+)(.* silo=(?<silo>\d+))?", RegexOptions.Multiline)]
    private static partial Regex ProcessLine();
}
