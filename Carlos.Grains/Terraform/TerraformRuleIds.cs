namespace Carlos.Grains.Terraform;

/// <summary>The ids of the Terraform check's rules, as findings name them (see docs/terraform-check.md).</summary>
internal static class TerraformRuleIds
{
    public const string Syntax = "syntax";
    public const string RequiredProviders = "required_providers";
    public const string ProviderBlock = "provider_block";
    public const string KnownResourceType = "known_resource_type";
    public const string UnresolvedReference = "unresolved_reference";
    public const string HardcodedSecret = "hardcoded_secret";
    public const string PublicNetworkAccess = "public_network_access";
    public const string Encryption = "encryption";
    public const string TlsVersion = "tls_version";
    public const string Provisioner = "provisioner";
    public const string ExternalDataSource = "external_data_source";
    public const string UnpinnedModule = "unpinned_module";
}
