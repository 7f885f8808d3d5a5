using System.Diagnostics;
using System.Text.Json;

namespace Carlos.Tests.Infrastructure;

/// <summary>What HashiCorp's parser said about one text: valid, or the line of its first error.</summary>
internal sealed record OracleVerdict(bool Valid, int Line, string Message);

/// <summary>
/// HashiCorp's HCL parser, compiled to WebAssembly in npm <c>@cdktf/hcl2json</c>, run by Node in
/// <c>HclOracle/oracle.js</c>. <c>test.sh</c> installs the package from its lock file; the silo never needs Node.
/// </summary>
internal static class HclOracle
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyList<OracleVerdict>> JudgeAsync(IReadOnlyList<string> texts)
    {
        var folder = Folder();
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules")),
            $"The HCL oracle is not installed: run `npm ci` in {folder} (test.sh does).");
        using var node = Process.Start(new ProcessStartInfo("node", "oracle.js")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await node.StandardInput.WriteAsync(JsonSerializer.Serialize(texts));
        node.StandardInput.Close();
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await node.WaitForExitAsync(timeout.Token);
        Assert.True(node.ExitCode == 0, $"The HCL oracle failed: {await errors}");
        return JsonSerializer.Deserialize<List<OracleVerdict>>(await output, Json)!;
    }

    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Carlos.Tests", "HclOracle");
            if (File.Exists(Path.Combine(candidate, "oracle.js")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Carlos.Tests/HclOracle/oracle.js was not found above the test folder.");
    }
}
