using Carlos.Contracts.Reports;
using Carlos.Grains.Terraform;
using Carlos.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Carlos.Tests.Terraform;

/// <summary>
/// Beyond the hand-written corpus: real Terraform of the built-in model with one small random damage each (a
/// character deleted, duplicated or replaced by a delimiter), judged by Carlos's parser and HashiCorp's.
/// </summary>
[Collection(HeavyTestsCollection.Name)]
public sealed class HclMutationTests(ITestOutputHelper output)
{
    private const string Delimiters = "{}[]()\"=,.$%<>#/*~\n";

    [Fact]
    public async Task The_parser_agrees_with_HashiCorps_parser_on_damaged_builtin_terraform()
    {
        var design = await OfflineDesign.RunAsync(
            "Kubernetes microservices with a container registry, API Management and a MySQL database, "
            + "functions, Cosmos DB and a virtual machine behind an application gateway",
            new Contracts.Designs.DesignSettings { Compliance = Contracts.Designs.ComplianceLevel.Strict });
        var sources = TerraformFiles.Split(design.Terraform!).Select(f => f.Text).Where(t => t.Length > 0).ToList();
        var random = new Random(20261203);
        var samples = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            var text = sources[random.Next(sources.Count)];
            var at = random.Next(text.Length);
            samples.Add((i % 4) switch
            {
                0 => text.Remove(at, 1),
                1 => text.Insert(at, text[at].ToString()),
                2 => text.Remove(at, Math.Min(1 + random.Next(30), text.Length - at)),
                _ => text.Remove(at, 1).Insert(at, Delimiters[random.Next(Delimiters.Length)].ToString()),
            });
        }

        var oracle = await HclOracle.JudgeAsync(samples);
        var disagreements = new List<string>();
        for (var i = 0; i < samples.Count; i++)
        {
            var ours = HclParser.Parse("sample.tf", samples[i]);
            var line = ours.Diagnostics.FirstOrDefault()?.Line ?? 0;
            if (ours.IsValid != oracle[i].Valid || !ours.IsValid && line != oracle[i].Line)
            {
                disagreements.Add($"sample {i}: ours {ours.Diagnostics.FirstOrDefault()?.ToString() ?? "valid"}; "
                    + $"oracle {(oracle[i].Valid ? "valid" : oracle[i].Message)}\n"
                    + string.Join("\n", samples[i].Split('\n').Skip(Math.Max(0, line - 3)).Take(8)));
            }
        }

        output.WriteLine($"{samples.Count} damaged files, {oracle.Count(o => !o.Valid)} invalid to the oracle, "
            + $"{disagreements.Count} disagreements.");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }
}
