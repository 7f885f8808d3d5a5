using System.Text.RegularExpressions;
using Carlos.Contracts.Reports;

namespace Carlos.Grains.Terraform;

/// <summary>
/// No secret or key is written as a literal: an argument named like a secret (password, client_secret, access_key,
/// connection_string ...) takes a variable, a resource attribute or a Key Vault reference, never a quoted value,
/// and no string anywhere looks like a key (a private key block, an account key, a long base64 run).
/// </summary>
internal sealed partial class SecretRule : ITerraformRule
{
    public IEnumerable<TerraformFinding> Check(TerraformCheckInput input)
    {
        foreach (var found in input.Module.Attributes())
        {
            var attribute = found.Attribute;
            var secretName = SecretName().IsMatch(attribute.Name)
                || found.Parent.Type == "variable" && attribute.Name == "default"
                    && SecretName().IsMatch(found.Parent.Label(0) ?? "")
                || found.Owner.Label(0) == "azurerm_key_vault_secret" && attribute.Name == "value";
            if (secretName && attribute.Value is { IsLiteralString: true, Text.Length: > 0 })
            {
                yield return Finding(found, $"\"{attribute.Name}\" is set to a literal value: take it from a sensitive "
                    + "variable or Key Vault instead.");
                continue;
            }

            var literal = attribute.Value.SelfAndDescendants()
                .FirstOrDefault(e => e.Kind == HclExpressionKind.Template && LooksLikeKey(e.Text ?? ""));
            if (literal is not null)
            {
                yield return Finding(found, $"\"{attribute.Name}\" holds what looks like a key or credential in a "
                    + "literal: take it from a sensitive variable or Key Vault instead.");
            }
        }
    }

    internal static bool IsSecretName(string name) => SecretName().IsMatch(name);

    private static bool LooksLikeKey(string text) => KeyPattern().IsMatch(text) || LongBase64().IsMatch(text);

    private static TerraformFinding Finding(TerraformAttribute found, string message) =>
        new(found.File, found.Attribute.Line, TerraformRuleIds.HardcodedSecret, TerraformFindingLevel.Error, message);

    [GeneratedRegex("(^|_)(password|passwd|secret|client_secret|access_key|account_key|api_key|shared_key|"
        + "primary_key|secondary_key|sas_token|auth_token|token|connection_string|private_key|sas)$")]
    private static partial Regex SecretName();

    [GeneratedRegex(
        @"-----BEGIN [A-Z ]*PRIVATE KEY-----|AccountKey=|SharedAccessKey=|(^|[^A-Za-z0-9])AKIA[0-9A-Z]{16}|[?&]sig=")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9+/])(?=[A-Za-z0-9+/]*[0-9])(?=[A-Za-z0-9+/]*[A-Z])[A-Za-z0-9+/]{40,}={0,2}")]
    private static partial Regex LongBase64();
}
