using Carlos.Contracts.Designs;
using Carlos.Gateway.Http;

namespace Carlos.Gateway.Endpoints;

/// <summary>The JSON body of <c>POST /v1/designs</c>. Settings left out take the scenario's defaults.</summary>
public sealed record CreateDesignBody
{
    public string? Requirements { get; init; }

    public string? Scenario { get; init; }

    public CostPerformance? CostPerformance { get; init; }

    public ComplianceLevel? Compliance { get; init; }

    public ReliabilityTarget? Reliability { get; init; }

    public Strictness? Strictness { get; init; }

    public decimal? MonthlyBudgetUsd { get; init; }

    /// <summary>False to design from the requirements as they stand, never stopping to ask questions.</summary>
    public bool? AllowQuestions { get; init; }
    /// <summary>Uploaded documents whose text the design reads; each must be the caller's and completed.</summary>
    public IReadOnlyList<Guid>? DocumentIds { get; init; }

    /// <summary>True to skip the design cache: the agents run even when an equal design is cached.</summary>
    public bool? BypassCache { get; init; }

    /// <summary>False to design without the rival architect; true or left out for the rival, if the plan has it.</summary>
    public bool? Rival { get; init; }
    /// <summary>The tenant's custom agents that also review the design; each must exist in the caller's tenant.</summary>
    public IReadOnlyList<Guid>? CustomAgentIds { get; init; }

    /// <summary>The largest budget accepted, in USD a month; anything above is a typo, not a budget.</summary>
    public const decimal MaxBudgetUsd = 100_000_000m;

    /// <summary>Checks the body and applies the scenario's defaults, or says which field is wrong.</summary>
    public (DesignRequest? Request, IResult? Problem) Validate()
    {
        if (string.IsNullOrWhiteSpace(Requirements))
        {
            return (null, Problems.Validation("requirements", "Requirements are required."));
        }

        if (Requirements.Length > DesignRequest.MaxRequirementsLength)
        {
            return (null, Problems.Validation("requirements",
                $"Requirements may be at most {DesignRequest.MaxRequirementsLength} characters."));
        }

        var scenarioId = Scenario ?? ScenarioPresets.Custom;
        if (!ScenarioPresets.TryGet(scenarioId, out var preset))
        {
            return (null, Problems.Validation("scenario",
                $"Unknown scenario; GET /v1/scenarios lists them ({string.Join(", ", ScenarioPresets.All.Select(p => p.Id))})."));
        }

        if (MonthlyBudgetUsd is { } budget && (budget <= 0 || budget > MaxBudgetUsd))
        {
            return (null, Problems.Validation("monthlyBudgetUsd",
                $"The budget must be more than 0 and at most {MaxBudgetUsd} USD."));
        }

        var defaults = preset.Defaults;
        var settings = defaults with
        {
            CostPerformance = CostPerformance ?? defaults.CostPerformance,
            Compliance = Compliance ?? defaults.Compliance,
            Reliability = Reliability ?? defaults.Reliability,
            Strictness = Strictness ?? defaults.Strictness,
            MonthlyBudgetUsd = MonthlyBudgetUsd,
        };
        return (new DesignRequest(Requirements, settings, DocumentIds)
        {
            AllowQuestions = AllowQuestions ?? true,
            BypassCache = BypassCache ?? false,
            CustomAgentIds = CustomAgentIds ?? [],
        }, null);
    }
}
