using Carlos.Contracts.Reports;

namespace Carlos.Grains.Terraform;

/// <summary>
/// The Terraform keeps what the security review promised: public network access off where the design chose
/// private endpoints, a customer-managed key where it chose them, and no TLS minimum below 1.2 or plain HTTP.
/// Settings that contradict no promise still warn.
/// </summary>
internal sealed class SecurityConsistencyRule : ITerraformRule
{
    private static readonly HashSet<string> TlsSettings =
        ["min_tls_version", "minimum_tls_version", "minimal_tls_version", "scm_minimum_tls_version", "tls_version",
            "ssl_minimal_tls_version_enforced", "minimum_tls_version_enforced"];

    private static readonly HashSet<string> HttpsSettings =
        ["https_traffic_only_enabled", "enable_https_traffic_only", "https_only"];

    /// <summary>Azure refuses to create these with public access off; they are switched off after creation.</summary>
    private static readonly HashSet<string> PublicAtCreation = ["azurerm_api_management"];

    public IEnumerable<TerraformFinding> Check(TerraformCheckInput input)
    {
        var promised = input.Expectations;
        foreach (var found in input.Module.Attributes())
        {
            var (name, value) = (found.Attribute.Name, found.Attribute.Value);
            if (name is "public_network_access_enabled" or "public_network_enabled" && IsLiteral(value, "true")
                || name == "public_network_access" && value is { IsLiteralString: true, Text: "Enabled" })
            {
                if (promised.PrivateEndpoints)
                {
                    var exception = PublicAtCreation.Contains(found.Owner.Label(0) ?? "");
                    yield return Finding(found, TerraformRuleIds.PublicNetworkAccess, !exception,
                        exception
                            ? $"\"{name}\" is on although the design chose private endpoints; Azure needs it on at "
                              + "creation, so switch it off once the private endpoint is approved."
                            : $"\"{name}\" is on although the design chose private endpoints with public access off.");
                }
            }
            else if (TlsSettings.Contains(name) && value.IsLiteralString && BelowTls12(value.Text!))
            {
                yield return Finding(found, TerraformRuleIds.TlsVersion, promised.Tls12Minimum,
                    $"\"{name}\" allows \"{value.Text}\"; the security review requires TLS 1.2 at least.");
            }
            else if (HttpsSettings.Contains(name) && IsLiteral(value, "false"))
            {
                yield return Finding(found, TerraformRuleIds.TlsVersion, promised.Tls12Minimum,
                    $"\"{name}\" allows plain HTTP; the security review requires TLS.");
            }
            else if (name.EndsWith("encryption_enabled", StringComparison.Ordinal) && IsLiteral(value, "false"))
            {
                yield return Finding(found, TerraformRuleIds.Encryption, promised.CustomerManagedKeys,
                    $"\"{name}\" turns encryption off.");
            }
        }

        if (promised.CustomerManagedKeys && !HasCustomerManagedKey(input.Module))
        {
            yield return new TerraformFinding(TerraformFiles.Main, 1, TerraformRuleIds.Encryption,
                TerraformFindingLevel.Error,
                "The design encrypts with customer-managed keys, but the Terraform creates no azurerm_key_vault_key "
                + "and sets no customer_managed_key.");
        }
    }

    private static bool HasCustomerManagedKey(TerraformModule module) =>
        module.ResourceTypes.Contains("azurerm_key_vault_key")
        || module.Attributes().Any(a =>
            a.Parent.Type == "customer_managed_key" || a.Attribute.Name == "key_vault_key_id");

    private static bool IsLiteral(HclExpression value, string literal) =>
        value.Kind == HclExpressionKind.Literal && value.Text == literal;

    private static bool BelowTls12(string version)
    {
        var digits = new string(version.Where(char.IsAsciiDigit).ToArray());
        return digits is "10" or "11" or "1" || version.Contains("Disabled", StringComparison.OrdinalIgnoreCase);
    }

    private static TerraformFinding Finding(TerraformAttribute found, string rule, bool error, string message) =>
        new(found.File, found.Attribute.Line, rule, error ? TerraformFindingLevel.Error : TerraformFindingLevel.Warning,
            message);
}
