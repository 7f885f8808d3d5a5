using System.Diagnostics.Metrics;
using Carlos.Contracts.Serialization;
using Carlos.Grains.Model;

namespace Carlos.Grains.Diagnostics;

/// <summary>
/// The model path's instruments (tokens, retries, circuit breakers, degraded steps) on the <c>Carlos</c> meter that
/// every Carlos instrument shares (<see cref="Telemetry.CarlosMetrics"/>). Tags follow OpenTelemetry's gen_ai
/// conventions where one exists (<c>gen_ai.token.type</c>), else <c>carlos.*</c>.
/// </summary>
public sealed class ModelMetrics
{
    public const string DegradedStepsName = "carlos.agent.degraded_steps";
    public const string ModelTokensName = "carlos.model.tokens";
    public const string ModelRetriesName = "carlos.model.retries";
    public const string CircuitOpenedName = "carlos.model.circuit_opened";

    private readonly Counter<long> _degradedSteps;
    private readonly Counter<long> _tokens;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _circuitOpened;

    public ModelMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Telemetry.CarlosMetrics.MeterName);
        _degradedSteps = meter.CreateCounter<long>(DegradedStepsName, "{step}",
            "Steps whose answer could not be used as asked for and was kept as text, or came from the fallback model.");
        _tokens = meter.CreateCounter<long>(ModelTokensName, "{token}",
            "Model tokens spent, as the model reported them, by tenant, deployment and token type.");
        _retries = meter.CreateCounter<long>(ModelRetriesName, "{retry}", "Model call attempts that were retried.");
        _circuitOpened = meter.CreateCounter<long>(CircuitOpenedName, "{event}",
            "Times a deployment's circuit breaker opened.");
    }

    public void StepDegraded(AgentRole role, string reason) => _degradedSteps.Add(1,
        new KeyValuePair<string, object?>("carlos.agent.role", CarlosJson.WireName(role)),
        new KeyValuePair<string, object?>("carlos.degraded.reason", reason));

    public void TokensUsed(string? tenantId, string deployment, long prompt, long completion)
    {
        var tenant = new KeyValuePair<string, object?>("carlos.tenant", tenantId ?? "");
        var model = new KeyValuePair<string, object?>("carlos.model.deployment", deployment);
        _tokens.Add(prompt, tenant, model, new KeyValuePair<string, object?>("gen_ai.token.type", "input"));
        _tokens.Add(completion, tenant, model, new KeyValuePair<string, object?>("gen_ai.token.type", "output"));
    }

    public void Retried(string deployment, string reason) => _retries.Add(1,
        new KeyValuePair<string, object?>("carlos.model.deployment", deployment),
        new KeyValuePair<string, object?>("error.type", reason));

    public void CircuitOpened(string deployment) => _circuitOpened.Add(1,
        new KeyValuePair<string, object?>("carlos.model.deployment", deployment));
}
