using System.Collections.Frozen;

namespace Carlos.Contracts.Designs;

/// <summary>The scenario presets Carlos offers; <c>GET /v1/scenarios</c> lists them.</summary>
public static class ScenarioPresets
{
    public const string Custom = "custom";

    /// <summary>Every preset, in the order they are listed.</summary>
    public static IReadOnlyList<ScenarioPreset> All { get; } =
    [
        Preset(Custom, "Custom", "Only what the requirements name.", new(), []),
        Preset("public_web_app", "Public web application",
            "An internet-facing web app with a relational database, a CDN and a web application firewall.",
            new() { Reliability = ReliabilityTarget.High },
            ["front_door", "app_service", "azure_sql", "redis_cache", "application_insights"]),
        Preset("data_pipeline", "Data pipeline",
            "Batch ingestion into a data lake, transformation with Spark and a warehouse for reporting.",
            new() { CostPerformance = CostPerformance.CostOptimized },
            ["data_factory", "data_lake", "databricks", "synapse"]),
        Preset("event_driven", "Event-driven processing",
            "Producers publish events that serverless consumers process through queues and topics.",
            new(),
            ["event_grid", "service_bus", "functions", "cosmos_db"]),
        Preset("microservices", "Microservices platform",
            "Containerised services behind an API gateway with a private registry and messaging.",
            new() { Reliability = ReliabilityTarget.High },
            ["aks", "container_registry", "api_management", "service_bus", "postgresql"]),
        Preset("ai_assistant", "AI assistant over company documents",
            "A chat assistant that answers from indexed documents with a hosted language model.",
            new() { Compliance = ComplianceLevel.Regulated },
            ["azure_openai", "ai_search", "container_apps", "storage_account", "cosmos_db"]),
        Preset("iot_telemetry", "IoT telemetry",
            "Devices stream telemetry that is analysed in near real time and kept for history.",
            new(),
            ["iot_hub", "event_hubs", "stream_analytics", "data_lake", "cosmos_db"]),
    ];

    private static readonly FrozenDictionary<string, ScenarioPreset> ById =
        All.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);

    /// <summary>Finds a preset by its id; ids are lower-case snake_case.</summary>
    public static bool TryGet(string id, out ScenarioPreset preset) => ById.TryGetValue(id, out preset!);

    private static ScenarioPreset Preset(
        string id, string name, string description, DesignSettings defaults, IReadOnlyList<string> services) =>
        new(id, name, description, defaults with { Scenario = id }, services);
}
