using Carlos.Contracts.Designs;
using Carlos.Contracts.Serialization;
using Carlos.Grains.Model;

namespace Carlos.Grains.Workflow;

/// <summary>
/// Names one step of a design. Without a scope the id is <c>{agent}.{round}</c>, as in a design without the rival.
/// A design with the rival scopes its steps by candidate (<c>lead</c>, <c>rival</c>) or, for the recommender, by
/// <c>choice</c>: <c>security.lead</c> in the first round, <c>security.lead.2</c> in the second. A tenant's custom
/// reviewer is named by its agent id: <c>custom.{id}.1</c>, or <c>custom.{id}.lead</c> with the rival.
/// </summary>
internal readonly record struct StepKey(AgentRole Role, int Round, string? Scope = null, Guid? CustomAgentId = null)
{
    public const string ChoiceScope = "choice";

    public static StepKey Of(AgentRole role, int round, DesignCandidate? candidate) =>
        new(role, round, candidate is { } c ? CarlosJson.WireName(c) : null);

    public static StepKey OfCustom(Guid agentId, int round, DesignCandidate? candidate) =>
        Of(AgentRole.Custom, round, candidate) with { CustomAgentId = agentId };

    public string Agent => CustomAgentId is { } id ? CustomReviewStep.AgentName(id) : CarlosJson.WireName(Role);

    public string Id => Scope is null ? $"{Agent}.{Round}"
        : Round == 1 ? $"{Agent}.{Scope}"
        : $"{Agent}.{Scope}.{Round}";

    public DesignCandidate? Candidate => Scope switch
    {
        "lead" => DesignCandidate.Lead,
        "rival" => DesignCandidate.Rival,
        _ => null,
    };
}
