using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Carlos.Tests.Builtin;
using Carlos.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Carlos.Tests.Terraform;

[Collection(HeavyTestsCollection.Name)]
public sealed class BuiltinTerraformCheckTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_terraform_of_the_builtin_model_passes_the_check_and_parses_with_HashiCorps_parser()
    {
        var designs = await Task.WhenAll(Cases().Select(c => Task.Run(() => OfflineDesign.RunAsync(c.Requirements, c.Settings))));

        var written = designs.Where(d => d.Terraform is not null).ToList();
        Assert.True(written.Count > designs.Length / 2, $"Only {written.Count} of {designs.Length} wrote Terraform.");
        Assert.All(written, design =>
        {
            Assert.True(design.TerraformPassing,
                $"{design.Settings}: {string.Join("\n", design.TerraformCheck!.Findings)}");
            Assert.DoesNotContain(design.Steps, s => s.Agent == "terraform_corrector");
        });

        var files = written.SelectMany(d => TerraformFiles.Split(d.Terraform!)).Select(f => f.Text).Distinct().ToList();
        var oracle = await HclOracle.JudgeAsync(files);
        output.WriteLine($"{designs.Length} designs, {written.Count} with Terraform: "
            + $"{written.Count(d => d.TerraformCheck!.Result == TerraformCheckResult.Pass)} pass, "
            + $"{written.Count(d => d.TerraformCheck!.Result == TerraformCheckResult.PassWithWarnings)} pass with warnings "
            + $"({string.Join(", ", written.SelectMany(d => d.TerraformCheck!.Findings).Select(f => f.Rule).Distinct())}); "
            + $"{files.Count} distinct files, {files.Sum(f => f.Split('\n').Length)} lines, parsed by the oracle.");
        var rejected = oracle.Select((verdict, i) => (verdict, i)).Where(x => !x.verdict.Valid).ToList();
        Assert.True(rejected.Count == 0, string.Join("\n", rejected.Select(r => r.verdict.Message)));
    }

    /// <summary>Every preset under every combination of settings, with its default budget and without a limit,
    /// and the requirement texts of the built-in model tests under the default settings.</summary>
    private static IEnumerable<(string Requirements, DesignSettings Settings)> Cases()
    {
        foreach (var preset in ScenarioPresets.All)
        foreach (var cost in Enum.GetValues<CostPerformance>())
        foreach (var compliance in Enum.GetValues<ComplianceLevel>())
        foreach (var reliability in Enum.GetValues<ReliabilityTarget>())
        foreach (var strictness in Enum.GetValues<Strictness>())
        foreach (var budget in new decimal?[] { preset.Defaults.MonthlyBudgetUsd, 1_000_000m })
        {
            var settings = preset.Defaults with
            {
                CostPerformance = cost, Compliance = compliance, Reliability = reliability, Strictness = strictness,
                MonthlyBudgetUsd = budget,
            };
            yield return (preset.Description, settings);
        }

        foreach (var requirements in BuiltinModelTests.Requirements)
        {
            yield return (requirements, new DesignSettings());
        }
    }
}
