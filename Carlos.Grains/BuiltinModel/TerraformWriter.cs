using System.Globalization;
using System.Text;
using Carlos.Contracts.Designs;
using Carlos.Grains.Catalog;

namespace Carlos.Grains.BuiltinModel;

/// <summary>
/// The built-in Terraform coder: the provider pinning, variables and outputs, then the bundled template of every
/// component in the design, region by region.
/// </summary>
internal sealed class TerraformWriter(ServiceCatalog catalog)
{
    public const string MainFile = "main.tf";
    public const string VariablesFile = "variables.tf";
    public const string OutputsFile = "outputs.tf";

    /// <summary>The marker line that starts each file in the joined text.</summary>
    public static string FileMarker(string file) => $"# ===== {file} =====";

    public string Write(DesignPlan plan, DesignSettings settings)
    {
        var text = new StringBuilder();
        text.AppendLine(FileMarker(MainFile));
        text.AppendLine(Header);
        var publicAccess = plan.PrivateEndpoints ? "false" : "true";
        foreach (var region in plan.Components.Select(c => c.Region).Distinct())
        {
            var common = new Dictionary<string, string>
            {
                ["id"] = region,
                ["location"] = region == DesignPlan.PrimaryRegion ? "var.location" : "var.secondary_location",
                ["public_network_access"] = publicAccess,
            };
            text.AppendLine(TerraformTemplates.Render(TerraformTemplates.Get("baseline"), common));
            foreach (var component in plan.InRegion(region).Where(c => c.ServiceId != "private_endpoint"))
            {
                var values = new Dictionary<string, string>(common)
                {
                    ["sku"] = component.Sku,
                    ["tier"] = DesignDocument.TierName(component.Tier),
                    ["quantity"] = component.Quantity.ToString(CultureInfo.InvariantCulture),
                };
                text.AppendLine(TerraformTemplates.Render(TerraformTemplates.Get(component.ServiceId), values));
                AppendPrivateEndpoint(text, plan, component, common);
            }

            if (plan.CustomerManagedKeys)
            {
                text.AppendLine(TerraformTemplates.Render(TerraformTemplates.Get("cmk"), common));
            }
        }

        text.AppendLine(FileMarker(VariablesFile));
        text.AppendLine(Variables(settings));
        text.AppendLine(FileMarker(OutputsFile));
        text.AppendLine(Outputs(plan));
        return text.ToString();
    }

    private void AppendPrivateEndpoint(
        StringBuilder text, DesignPlan plan, PlannedComponent component, Dictionary<string, string> common)
    {
        var service = catalog.Get(component.ServiceId);
        if (!plan.PrivateEndpoints || service.PrivateLinkSubresource is not { } subresource
            || component.ServiceId is "front_door" or "static_web_apps")
        {
            return;
        }

        var values = new Dictionary<string, string>(common)
        {
            ["service"] = service.Id,
            ["target"] = $"{service.TerraformType}.{MainResourceName(service.Id, component.Region)}",
            ["subresource"] = subresource,
        };
        text.AppendLine(TerraformTemplates.Render(TerraformTemplates.Get("private_endpoint"), values));
    }

    /// <summary>Two services share the storage account type, so their main resources carry the service id.</summary>
    public static string MainResourceName(string serviceId, string region) =>
        serviceId is "storage_account" or "data_lake" ? $"{serviceId}_{region}" : region;

    /// <summary>The provider pinning every written Terraform starts with.</summary>
    public const string Header = """
        terraform {
          required_version = ">= 1.6.0"
          required_providers {
            azurerm = {
              source  = "hashicorp/azurerm"
              version = "~> 4.42"
            }
          }
        }

        provider "azurerm" {
          features {}
        }

        data "azurerm_client_config" "current" {}
        """;

    private static string Variables(DesignSettings settings) => $$"""
        variable "prefix" {
          type        = string
          description = "Lower-case letters and digits that start every resource name."
          default     = "carlos"
          validation {
            condition     = can(regex("^[a-z][a-z0-9]{2,9}$", var.prefix))
            error_message = "The prefix must be 3 to 10 lower-case letters or digits, starting with a letter."
          }
        }

        variable "location" {
          type    = string
          default = "eastus"
        }

        variable "secondary_location" {
          type    = string
          default = "westus3"
        }

        variable "tags" {
          type = map(string)
          default = {
            managed_by = "terraform"
            designed_by = "carlos"
            scenario = "{{settings.Scenario}}"
          }
        }
        """;

    private string Outputs(DesignPlan plan)
    {
        var text = new StringBuilder();
        foreach (var region in plan.Components.Select(c => c.Region).Distinct())
        {
            text.AppendLine($$"""
                output "resource_group_{{region}}" {
                  value = azurerm_resource_group.{{region}}.name
                }
                """);
        }

        foreach (var c in plan.Components.Where(c => c.Region == DesignPlan.PrimaryRegion
                     && c.ServiceId is not ("vnet" or "key_vault" or "log_analytics" or "private_endpoint")))
        {
            var service = catalog.Get(c.ServiceId);
            text.AppendLine($$"""
                output "{{c.ServiceId}}_id" {
                  value = {{service.TerraformType}}.{{MainResourceName(c.ServiceId, c.Region)}}.id
                }
                """);
        }

        return text.ToString();
    }
}
