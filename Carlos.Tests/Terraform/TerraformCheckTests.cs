using Carlos.Contracts.Reports;
using Carlos.Grains.Terraform;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Terraform;

public sealed class TerraformCheckTests
{
    private static readonly TerraformCheck Check = new(OfflineDesign.Catalog);

    private const string Pinning = """
        terraform {
          required_providers {
            azurerm = {
              source  = "hashicorp/azurerm"
              version = "~> 4.42"
            }
          }
        }
        """;

    private const string Provider = """
        provider "azurerm" {
          features {}
        }
        """;

    private const string Group = """
        resource "azurerm_resource_group" "main" {
          name     = "rg"
          location = var.location
        }
        """;

    private const string Variables = "variable \"location\" {\n  type = string\n}\n";

    private static readonly SecurityReport Strict = new(90, [], [],
        ["Private endpoints with public network access disabled", "Encryption at rest with customer-managed keys",
            "TLS 1.2 minimum on every endpoint"], []);

    private static string Module(string main, string variables = Variables) => TerraformFiles.Join(
        [(TerraformFiles.Main, main + "\n"), (TerraformFiles.Variables, variables), (TerraformFiles.Outputs, "")]);

    private static TerraformVerdict Judge(string main, SecurityReport? security = null, string variables = Variables) =>
        Check.Check(Module(main, variables), security);

    private static void AssertFinding(TerraformVerdict verdict, string rule, int line, TerraformFindingLevel level)
    {
        Assert.True(verdict.Findings.Any(f => f.Rule == rule && f.Line == line && f.Level == level),
            $"No {level} {rule} at line {line}: {string.Join("; ", verdict.Findings)}");
    }

    /// <summary>The 1-based line of main.tf on which a snippet first occurs.</summary>
    private static int LineOf(string main, string snippet) =>
        main[..main.IndexOf(snippet, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    [Fact]
    public void A_pinned_module_with_resolving_references_passes()
    {
        var verdict = Judge($"{Pinning}\n\n{Provider}\n\n{Group}");

        Assert.Equal(TerraformCheckResult.Pass, verdict.Result);
        Assert.Empty(verdict.Findings);
    }

    [Fact]
    public void Missing_provider_pinning_and_provider_block_need_fixes()
    {
        var verdict = Judge(Group);

        Assert.Equal(TerraformCheckResult.NeedsFixes, verdict.Result);
        AssertFinding(verdict, "required_providers", 1, TerraformFindingLevel.Error);
        AssertFinding(verdict, "provider_block", 1, TerraformFindingLevel.Error);
    }

    [Fact]
    public void A_version_constraint_without_upper_bound_only_warns()
    {
        var verdict = Judge($"{Pinning.Replace("~> 4.42", ">= 3.0", StringComparison.Ordinal)}\n{Provider}\n{Group}");

        Assert.Equal(TerraformCheckResult.PassWithWarnings, verdict.Result);
        AssertFinding(verdict, "required_providers", 3, TerraformFindingLevel.Warning);
    }

    [Theory]
    [InlineData("source = \"Azure/network/azurerm\"", false)]
    [InlineData("source = \"Azure/network/azurerm\"\n  version = \"~> 5.0\"", false)]
    [InlineData("source = \"Azure/network/azurerm\"\n  version = \"5.3.0\"", true)]
    [InlineData("source = \"git::https://example.com/network.git\"", false)]
    [InlineData("source = \"git::https://example.com/network.git?ref=v1.2.0\"", true)]
    [InlineData("source = \"https://example.com/network.zip\"", false)]
    [InlineData("source = \"./modules/network\"", true)]
    public void Module_sources_must_be_pinned(string arguments, bool pinned)
    {
        var main = $"{Pinning}\n{Provider}\n{Group}\nmodule \"network\" {{\n  {arguments}\n}}\n";
        var verdict = Judge(main);

        Assert.Equal(pinned, verdict.Result == TerraformCheckResult.Pass);
        if (!pinned)
        {
            AssertFinding(verdict, "unpinned_module", LineOf(main, "module"), TerraformFindingLevel.Error);
        }
    }

    [Fact]
    public void External_and_http_data_sources_and_exec_provisioners_need_fixes()
    {
        var main = $$"""
            {{Pinning}}
            {{Provider}}
            data "external" "x" {
              program = ["sh", "-c", "echo {}"]
            }

            resource "azurerm_resource_group" "main" {
              name     = "rg"
              location = var.location

              provisioner "remote-exec" {
                inline = ["echo hi"]
              }
            }
            """;
        var verdict = Judge(main);

        AssertFinding(verdict, "external_data_source", LineOf(main, "data \"external\""), TerraformFindingLevel.Error);
        AssertFinding(verdict, "provisioner", LineOf(main, "provisioner"), TerraformFindingLevel.Error);
    }

    [Fact]
    public void Settings_that_contradict_the_security_review_need_fixes()
    {
        var main = $$"""
            {{Pinning}}
            {{Provider}}
            {{Group}}
            resource "azurerm_storage_account" "data" {
              name                          = "stdata"
              resource_group_name           = azurerm_resource_group.main.name
              location                      = azurerm_resource_group.main.location
              account_tier                  = "Standard"
              account_replication_type      = "LRS"
              min_tls_version               = "TLS1_0"
              public_network_access_enabled = true
            }
            """;

        var strict = Judge(main, Strict);
        var standard = Judge(main);

        AssertFinding(strict, "tls_version", LineOf(main, "min_tls_version"), TerraformFindingLevel.Error);
        AssertFinding(strict, "public_network_access", LineOf(main, "public_network_access_enabled"), TerraformFindingLevel.Error);
        AssertFinding(strict, "encryption", 1, TerraformFindingLevel.Error);
        Assert.Equal(TerraformCheckResult.PassWithWarnings, standard.Result);
        AssertFinding(standard, "tls_version", LineOf(main, "min_tls_version"), TerraformFindingLevel.Warning);
    }

    [Fact]
    public void References_resolve_except_names_bound_by_for_expressions_and_dynamic_blocks()
    {
        var main = $$"""
            {{Pinning}}
            {{Provider}}
            locals {
              names = [for n in var.names : upper(n)]
            }

            resource "azurerm_resource_group" "main" {
              name     = "${local.names[0]}-${local.missing}"
              location = data.azurerm_client_config.current.tenant_id
              tags     = { for k, v in var.tags : k => v }

              dynamic "timeouts" {
                for_each = local.names
                content {
                  create = timeouts.value
                }
              }
            }
            """;
        var variables = "variable \"names\" {\n  type = list(string)\n}\n\nvariable \"tags\" {\n  type = map(string)\n}\n";

        var verdict = Judge(main, variables: variables);

        Assert.Equal(2, verdict.Findings.Count);
        AssertFinding(verdict, "unresolved_reference", LineOf(main, "local.missing"), TerraformFindingLevel.Error);
        AssertFinding(verdict, "unresolved_reference", LineOf(main, "data.azurerm"), TerraformFindingLevel.Error);
    }

    [Fact]
    public void Secrets_in_literals_need_fixes_and_secrets_from_variables_do_not()
    {
        var main = $$"""
            {{Pinning}}
            {{Provider}}
            {{Group}}
            resource "azurerm_mssql_server" "sql" {
              name                         = "sql"
              resource_group_name          = azurerm_resource_group.main.name
              location                     = azurerm_resource_group.main.location
              version                      = "12.0"
              administrator_login          = "sqladmin"
              administrator_login_password = "Hunter2-is-a-password"
            }
            """;
        var variables = Variables + "\nvariable \"db_password\" {\n  type    = string\n  default = \"s3cret\"\n}\n";

        var verdict = Judge(main, variables: variables);
        var fixedMain = Judge(main.Replace("\"Hunter2-is-a-password\"", "var.db_password", StringComparison.Ordinal));

        AssertFinding(verdict, "hardcoded_secret", LineOf(main, "administrator_login_password"), TerraformFindingLevel.Error);
        Assert.Contains(verdict.Findings, f => f is { File: "variables.tf", Line: 7, Rule: "hardcoded_secret" });
        Assert.DoesNotContain(fixedMain.Findings, f => f.Rule == "hardcoded_secret");
    }

    [Fact]
    public void A_syntax_error_is_reported_with_its_file_and_line_and_the_rules_wait_for_it()
    {
        var verdict = Check.Check(Module($"{Pinning}\n{Provider}\n{Group}", "variable \"location\" {\n  type = string\n"), null);

        var finding = Assert.Single(verdict.Findings);
        Assert.Equal(("variables.tf", 1, "syntax"), (finding.File, finding.Line, finding.Rule));
        Assert.Contains("Unclosed configuration block", finding.Message, StringComparison.Ordinal);
    }
}
