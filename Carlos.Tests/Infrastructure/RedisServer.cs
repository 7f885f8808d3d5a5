using System.Diagnostics;
using StackExchange.Redis;

namespace Carlos.Tests.Infrastructure;

/// <summary>
/// A real redis-server for one test class: its own process on a free loopback port, no persistence, a password.
/// test.sh installs the server; a missing binary fails the tests with a message saying so.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;

    public int Port { get; } = FreePorts.Next();

    public string Password { get; } = $"pw-{Guid.NewGuid():N}";

    public string ConnectionString => $"127.0.0.1:{Port},password={Password}";

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--requirepass", Password, "--daemonize", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            _process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("redis-server is not installed; run ./test.sh, which installs it.", ex);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            try
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
                await connection.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline && !_process!.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }
}
