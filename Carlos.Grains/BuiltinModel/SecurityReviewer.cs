using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Carlos.Grains.Catalog;

namespace Carlos.Grains.BuiltinModel;

/// <summary>The built-in security analyst: findings follow from the design's components and choices.</summary>
internal sealed class SecurityReviewer(ServiceCatalog catalog)
{
    public SecurityReport Review(DesignPlan plan, DesignSettings settings)
    {
        var services = plan.ServiceIds.Select(catalog.Get).ToList();
        var dataStores = services.Where(ArchitectPlanner.IsDataStore).Select(s => s.Name).ToList();
        var findings = new List<SecurityFinding>();

        if (dataStores.Count > 0 && !plan.PrivateEndpoints)
        {
            findings.Add(new(settings.Compliance == ComplianceLevel.Standard ? FindingSeverity.Medium : FindingSeverity.High,
                "Data stores reachable over public endpoints",
                "The data services accept connections on their public endpoints, limited only by firewall rules.",
                "Put the data services behind private endpoints in the endpoints subnet and disable public access.",
                dataStores));
        }

        var unencrypted = plan.CustomerManagedKeys ? [] : dataStores;
        if (unencrypted.Count > 0)
        {
            findings.Add(new(settings.Compliance == ComplianceLevel.Standard ? FindingSeverity.Low : FindingSeverity.High,
                "Data encrypted with platform-managed keys only",
                "Data at rest is encrypted with keys Microsoft manages; the tenant cannot revoke or rotate them.",
                "Use customer-managed keys held in Key Vault with purge protection for every data store.",
                unencrypted));
        }

        var publicCompute = services.Where(s => ArchitectPlanner.IsPublicCompute(s.Id)).Select(s => s.Name).ToList();
        if (publicCompute.Count > 0 && !plan.Has("front_door") && !plan.Has("application_gateway"))
        {
            findings.Add(new(FindingSeverity.High, "No web application firewall in front of public endpoints",
                "Internet traffic reaches the compute tier without WAF inspection or DDoS absorption at the edge.",
                "Route public traffic through Azure Front Door Premium with a WAF policy in prevention mode.",
                publicCompute));
        }

        if (plan.Has("virtual_machines"))
        {
            findings.Add(new(FindingSeverity.Medium, "Self-managed virtual machines need patching",
                "Operating systems on the VMs are the tenant's to patch and harden.",
                "Enable Azure Update Manager with a maintenance schedule and Defender for Servers.",
                ["Virtual Machines"]));
        }

        if (plan.Has("azure_openai"))
        {
            findings.Add(new(FindingSeverity.Medium, "Model endpoints accept untrusted prompts",
                "User text reaches the language model, which can be steered by injected instructions.",
                "Keep content filters on, call the model with a managed identity, and never pass secrets in prompts.",
                ["Azure OpenAI"]));
        }

        findings.Add(new(FindingSeverity.Low, "Threat protection plans not yet enabled",
            "Microsoft Defender for Cloud plans are billed separately and off by default.",
            "Enable the Defender plans that cover the services in this design.",
            services.Select(s => s.Name).ToList()));

        return new SecurityReport(Score(findings), findings, Frameworks(settings.Compliance),
            Controls(plan), unencrypted);
    }

    private static int Score(IEnumerable<SecurityFinding> findings) =>
        Math.Max(0, 100 - findings.Sum(f => f.Severity switch
        {
            FindingSeverity.Critical => 25,
            FindingSeverity.High => 15,
            FindingSeverity.Medium => 7,
            _ => 2,
        }));

    private static IReadOnlyList<string> Frameworks(ComplianceLevel level) => level switch
    {
        ComplianceLevel.Strict => ["Microsoft cloud security benchmark", "ISO/IEC 27001", "SOC 2", "PCI DSS 4.0"],
        ComplianceLevel.Regulated => ["Microsoft cloud security benchmark", "ISO/IEC 27001", "SOC 2"],
        _ => ["Microsoft cloud security benchmark"],
    };

    private static IReadOnlyList<string> Controls(DesignPlan plan)
    {
        var controls = new List<string>
        {
            "Managed identities for service-to-service access",
            "Secrets in Azure Key Vault with RBAC and purge protection",
            "TLS 1.2 minimum on every endpoint",
            plan.CustomerManagedKeys ? "Encryption at rest with customer-managed keys" : "Encryption at rest with platform-managed keys",
            "Diagnostic logs in Log Analytics",
        };
        if (plan.PrivateEndpoints)
        {
            controls.Add("Private endpoints with public network access disabled");
        }

        if (plan.Has("front_door") || plan.Has("application_gateway"))
        {
            controls.Add("Web application firewall at the edge");
        }

        return controls;
    }
}
