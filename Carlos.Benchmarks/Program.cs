using System.Globalization;
using Carlos.Benchmarks;

// dotnet run -c Release --project Carlos.Benchmarks -- first-token [--designs N] [--tokens-per-second N]
//     [--azure-chunk-ms N]
// dotnet run -c Release --project Carlos.Benchmarks -- auth-latency [--concurrency N] [--seconds N]
// dotnet run -c Release --project Carlos.Benchmarks -- cache [--hits N] [--misses N] [--tokens-per-second N]
// dotnet run -c Release --project Carlos.Benchmarks -- design-list [--designs N] [--requests N]
// dotnet run -c Release --project Carlos.Benchmarks -- token-budget [--silos N] [--scale N] [--windows N]
if (args is ["auth-latency", ..])
{
    return await AuthLatencyBenchmark.RunAsync(Option("--concurrency") ?? 8, TimeSpan.FromSeconds(Option("--seconds") ?? 10));
}

if (args is ["token-budget", ..])
{
    return await TokenBudgetBenchmark.RunAsync(Option("--silos") ?? 2, Option("--scale") ?? 10, Option("--windows") ?? 4);
}

if (args is ["cache", ..])
{
    return await CacheBenchmark.RunAsync(Option("--hits") ?? 500, Option("--misses") ?? 20, Option("--tokens-per-second"));
}

if (args is ["design-list", ..])
{
    return await DesignListBenchmark.RunAsync(Option("--designs") ?? 5000, Option("--requests") ?? 200);
}

if (args.Length == 0 || args[0] != "first-token")
{
    Console.Error.WriteLine("usage: Carlos.Benchmarks first-token [--designs N] [--tokens-per-second N] [--azure-chunk-ms N]\n" +
        "       Carlos.Benchmarks auth-latency [--concurrency N] [--seconds N]\n" +
        "       Carlos.Benchmarks cache [--hits N] [--misses N] [--tokens-per-second N]\n" +
        "       Carlos.Benchmarks design-list [--designs N] [--requests N]\n" +
        "       Carlos.Benchmarks token-budget [--silos N] [--scale N] [--windows N]");
    return 2;
}

var designs = Option("--designs") ?? 5;
var azure = Option("--azure-chunk-ms") is { } ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;
return await FirstTokenBenchmark.RunAsync(designs, Option("--tokens-per-second"), azure);

int? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length
        ? int.Parse(args[index + 1], CultureInfo.InvariantCulture)
        : null;
}
