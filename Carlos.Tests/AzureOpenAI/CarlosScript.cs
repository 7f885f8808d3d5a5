using System.Text.Json;
using System.Text.Json.Serialization;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Carlos.Contracts.Serialization;
using Carlos.Grains.Agents;
using Carlos.Grains.Model;
using Carlos.Testing.AzureOpenAI;

namespace Carlos.Tests.AzureOpenAI;

/// <summary>
/// How the test server plays Carlos's agents: it tells the role from the system message (the role's instructions)
/// and answers each role with a fixed, valid answer.
/// </summary>
internal static class CarlosScript
{
    private static readonly JsonSerializerOptions Json = new(CarlosJson.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public const string Architect = """
        # Design

        A web app on App Service in front of a PostgreSQL database, with secrets in Key Vault.

        ```mermaid
        flowchart LR
            users([Users]) --> app[App Service]
            app --> db[(PostgreSQL)]
        ```

        | Component | Service | Tier |
        |---|---|---|
        | Web | App Service | balanced |
        | Data | PostgreSQL | balanced |
        """;

    public const string Terraform = """
        # ===== main.tf =====
        terraform {
          required_providers {
            azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }
          }
        }

        provider "azurerm" {
          features {}
        }
        # ===== variables.tf =====
        variable "location" { default = "westeurope" }
        # ===== outputs.tf =====
        output "location" { value = var.location }
        """;

    /// <summary>A service id the catalog does not have, so the cost report must say it was not priced.</summary>
    public const string UnknownService = "mainframe_emulator";

    public static string? RoleOf(ChatCall call) => Enum.GetValues<AgentRole>()
        .Where(role => call.System == AgentInstructions.For(role) || call.System == RivalInstructions(role))
        .Select(role => CarlosJson.WireName(role))
        .FirstOrDefault();

    /// <summary>The instructions a role has in a design with the rival: the rival architect's, the chooser's.</summary>
    private static string? RivalInstructions(AgentRole role) => role switch
    {
        AgentRole.Architect => AgentInstructions.For(role, RivalContext with { Candidate = DesignCandidate.Rival }),
        AgentRole.Recommender => AgentInstructions.For(role, RivalContext with { Candidates = [] }),
        _ => null,
    };

    private static readonly AgentContext RivalContext = new() { Requirements = "", Settings = new(), Round = 1 };

    /// <summary>The scripted recommender's choice between two designs.</summary>
    public static readonly ChoiceDraft Choice = new(DesignCandidate.Lead, ["The scripted recommender keeps the lead."],
        new ChoiceTradeOffs("Cost is scripted.", "Reliability is scripted.", "Security is scripted.",
            "Operability is scripted."), "- Ship the lead design.");

    public static string Answer(ChatCall call) => call.Role switch
    {
        "architect" => Architect,
        "security" => Serialize(new SecurityReport(82,
            [new(FindingSeverity.Medium, "Public app endpoint", "The app is reachable from the internet.",
                "Put a WAF in front of it.", ["app_service"])],
            ["ISO 27001"], ["Managed identities"], [])),
        "cost" => Serialize(new CostAnalysisDraft(
            [new("app_service", CostPerformance.Balanced, 1), new("postgresql", CostPerformance.Balanced, 1),
                new(UnknownService, CostPerformance.Balanced, 1)],
            ["Autoscale the app out of hours."])),
        "reliability" => Serialize(new ReliabilityReport(99.9, ["Single region"], ["Zone-redundant database"],
            4, null, ["Alert on 5xx rates"], 1)),
        "validator" => Serialize(new ValidationVerdict(true, ValidationSeverity.None, [], "The design is sound.")),
        "recommender" when call.SchemaName == "choice_draft" => Serialize(Choice),
        "recommender" => "- Ship it, then add a WAF.",
        "clarifier" => Serialize(new ClarificationDraft(false, [])),
        "terraform" => Terraform,
        _ => "I do not know this role.",
    };

    /// <summary>True for a call made for a design whose requirements carry this marker.</summary>
    public static Func<ChatCall, bool> For(string marker, string? role = null) =>
        call => call.User.Contains(marker, StringComparison.Ordinal) && (role is null || call.Role == role);

    public static AzureOpenAITestServerOptions ServerOptions(params TestDeployment[] deployments) => new()
    {
        Deployments = deployments,
        RoleOf = RoleOf,
        Answer = Answer,
    };

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);
}
