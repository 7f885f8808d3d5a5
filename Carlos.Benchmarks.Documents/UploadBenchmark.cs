using System.Diagnostics;
using System.Net.Http.Headers;
using Carlos.Gateway.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Carlos.Benchmarks.Documents;

/// <summary>
/// Starts a gateway with its embedded silo (in-memory storage, or Redis when configured) on free loopback ports and times <c>POST /v1/documents</c> from the first
/// byte sent to the 202, for text files of the given sizes streamed from disk. Peak memory is the process's peak
/// working set (gateway, silo and in-memory grain storage together), and the managed heap after the upload.
/// </summary>
internal static class UploadBenchmark
{
    public static async Task RunAsync(IReadOnlyList<int> sizesInMiB, string[] gatewayArgs)
    {
        await using var app = GatewayApp.Build(["--environment", "Production", .. gatewayArgs], builder =>
        {
            builder.Configuration["Urls"] = "http://127.0.0.1:0";
            builder.Configuration["Carlos:Cluster:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.Configuration["Carlos:Cluster:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.Logging.ClearProviders();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };

        foreach (var size in sizesInMiB)
        {
            var path = WriteTextFile(size);
            try
            {
                await using var file = File.OpenRead(path);
                var content = new StreamContent(file, 81920);
                content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
                using var form = new MultipartFormDataContent { { content, "file", $"upload-{size}.txt" } };

                var clock = Stopwatch.StartNew();
                using var response = await client.PostAsync("/v1/documents", form);
                var elapsed = clock.Elapsed;

                using var process = Process.GetCurrentProcess();
                Console.WriteLine(
                    $"upload  {size,3} MiB text: {(int)response.StatusCode} in {elapsed.TotalMilliseconds,6:0} ms " +
                    $"({size * 1.048576 / elapsed.TotalSeconds:0} MB/s), peak working set {process.PeakWorkingSet64 / 1048576} MiB, " +
                    $"managed heap {GC.GetTotalMemory(forceFullCollection: false) / 1048576} MiB");
            }
            finally
            {
                File.Delete(path);
            }
        }

        await app.StopAsync();
    }

    private static string WriteTextFile(int sizeInMiB)
    {
        var path = Path.Combine(Path.GetTempPath(), $"carlos-benchmark-{Guid.NewGuid():N}.txt");
        var line = "Requirements: an AKS cluster, a PostgreSQL database and Front Door in two regions.\n"u8.ToArray();
        using var file = File.Create(path);
        var target = sizeInMiB * 1024L * 1024;
        for (long written = 0; written < target; written += line.Length)
        {
            file.Write(line.AsSpan(0, (int)Math.Min(line.Length, target - written)));
        }

        return path;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
