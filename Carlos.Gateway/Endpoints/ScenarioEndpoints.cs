using Carlos.Contracts.Designs;

namespace Carlos.Gateway.Endpoints;

/// <summary><c>GET /v1/scenarios</c>: the presets a design can start from, with their default settings.</summary>
internal static class ScenarioEndpoints
{
    public static RouteGroupBuilder MapScenarios(this RouteGroupBuilder v1)
    {
        v1.MapGet("/scenarios", () => TypedResults.Ok(ScenarioPresets.All))
            .WithName("ListScenarios")
            .WithSummary("Lists the scenario presets and their default settings.");
        return v1;
    }
}
