using Carlos.Contracts.Reports;
using Carlos.Grains.BuiltinModel;
using Carlos.Grains.Terraform;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Terraform;

/// <summary>The check reads whatever a model wrote: no text may make the parser, the rules or the corrector throw.</summary>
public sealed class TerraformRobustnessTests
{
    private const string Alphabet = "ab_1 =\n\"{}[]()$%~<<-EOT\\.,:?!*/#'\t\r;&|é";

    [Fact]
    public async Task Random_text_never_makes_the_check_or_the_corrector_throw_or_hang()
    {
        var check = new TerraformCheck(OfflineDesign.Catalog);
        var corrector = new TerraformCorrector(new KnownResourceTypes(OfflineDesign.Catalog));
        var random = new Random(42);
        for (var i = 0; i < 3000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 80))
                .Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
            var joined = TerraformFiles.Join([(TerraformFiles.Main, text), (TerraformFiles.Variables, ""),
                (TerraformFiles.Outputs, "")]);

            var run = Task.Run(() =>
            {
                var verdict = check.Check(joined, null);
                var corrected = corrector.Correct(joined, verdict);
                return check.Check(corrected, null);
            });
            var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(5)));
            Assert.True(finished == run, $"Hangs on: {text.Replace("\n", "\\n", StringComparison.Ordinal)}");
            await run;
        }
    }
}
