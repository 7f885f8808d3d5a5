using Carlos.Grains.Terraform;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Terraform;

public sealed class HclParserTests
{
    [Fact]
    public async Task The_parser_agrees_with_HashiCorps_parser_on_every_sample_of_the_corpus()
    {
        Assert.True(HclCorpus.Valid.Count >= 30 && HclCorpus.Invalid.Count >= 30);
        var samples = HclCorpus.Valid.Concat(HclCorpus.Invalid).ToList();
        var oracle = await HclOracle.JudgeAsync(samples);

        var disagreements = new List<string>();
        for (var i = 0; i < samples.Count; i++)
        {
            var ours = HclParser.Parse("sample.tf", samples[i]);
            var first = ours.Diagnostics.FirstOrDefault();
            var expectedValid = i < HclCorpus.Valid.Count;
            if (oracle[i].Valid != expectedValid)
            {
                disagreements.Add($"corpus sample {i} is filed wrongly: the oracle says {oracle[i].Message}");
            }

            if (ours.IsValid != oracle[i].Valid || !ours.IsValid && first!.Line != oracle[i].Line)
            {
                disagreements.Add($"sample {i} {Show(samples[i])}: ours {(first?.ToString() ?? "valid")}; "
                    + $"oracle {(oracle[i].Valid ? "valid" : oracle[i].Message)}");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    [Fact]
    public void Blocks_attributes_and_references_are_read_with_their_lines()
    {
        var file = HclParser.Parse("main.tf", """
            resource "azurerm_resource_group" "main" {
              name     = "${var.prefix}-rg"
              location = var.location

              tags = { for k, v in var.tags : k => v }
            }
            """);

        Assert.True(file.IsValid);
        var block = Assert.Single(file.Body.Blocks);
        Assert.Equal(("resource", 1, 6), (block.Type, block.Line, block.EndLine));
        Assert.Equal(["azurerm_resource_group", "main"], block.Labels);
        Assert.Equal(3, block.Body.Attribute("location")!.Line);
        var traversals = block.Body.Attributes.SelectMany(a => a.Value.SelfAndDescendants())
            .Where(e => e.Kind == HclExpressionKind.Traversal).Select(e => e.Text).ToList();
        Assert.Equal(["var.prefix", "var.location", "var.tags", "k", "v"], traversals);
    }

    private static string Show(string sample) => sample.Replace("\n", "\\n", StringComparison.Ordinal);
}
