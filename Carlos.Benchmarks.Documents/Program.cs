using Carlos.Benchmarks.Documents;

// Extraction throughput on the LibreOffice handbook fixtures, then upload acceptance through a real gateway.
var seconds = args.Length > 0 && double.TryParse(args[0], System.Globalization.CultureInfo.InvariantCulture, out var s)
    ? s
    : 5;

Console.WriteLine($"Carlos document benchmark: {Environment.ProcessorCount} cores, {seconds:0.#} s per extraction run");
await ExtractionBenchmark.RunAsync(TimeSpan.FromSeconds(seconds));
// The first, small upload pays for JIT compilation and cluster warm-up; the 10 and 50 MiB figures are the measure.
// Any further arguments configure the gateway, for example --Carlos:Redis:ConnectionString=127.0.0.1:6379.
await UploadBenchmark.RunAsync([1, 10, 50], args.Skip(1).ToArray());
