using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Carlos.Contracts.Reports;
using Carlos.Contracts.Serialization;
using Carlos.Grains.Agents;
using Carlos.Grains.Catalog;
using Carlos.Grains.Model;
using Carlos.Grains.Terraform;
using Microsoft.Extensions.Options;

namespace Carlos.Grains.BuiltinModel;

/// <summary>
/// The default model: deterministic, offline and fast. It answers each role by rule from the bundled catalog and
/// the context, in the same shape a language model is asked for (Markdown, or JSON for the reviewers), and streams
/// the answer word by word at the configured pace. Its usage figures are estimates (four characters a token).
/// </summary>
internal sealed partial class BuiltinChatModel(
    ServiceCatalog catalog, IOptions<BuiltinModelOptions> options, TimeProvider time) : IChatModel
{
    private readonly ArchitectureWriter _architect = new(catalog);
    private readonly SecurityReviewer _security = new(catalog);
    private readonly ReliabilityReviewer _reliability = new(catalog);
    private readonly TerraformWriter _terraform = new(catalog);
    private readonly ClarificationRules _clarifier = new(catalog);
    private readonly TerraformCorrector _corrector = new(new KnownResourceTypes(catalog));
    private readonly CustomReviewRules _custom = new(catalog);

    public string Name => "builtin";

    public async IAsyncEnumerable<ModelChunk> StreamAsync(
        ModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var answer = Answer(request.Role, request.Context);
        var tokens = Token().Matches(answer);
        var interval = TimeSpan.FromSeconds(1.0 / options.Value.TokensPerSecond);
        var started = time.GetTimestamp();

        for (var i = 0; i < tokens.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var due = interval * i - time.GetElapsedTime(started);
            if (due > TimeSpan.FromMilliseconds(5))
            {
                await Task.Delay(due, time, cancellationToken);
            }

            yield return new ModelChunk(tokens[i].Value, null);
        }

        var prompt = (request.Instructions.Length + request.Prompt.Length) / 4;
        yield return new ModelChunk(null, new TokenUsage(prompt, tokens.Count));
    }

    private string Answer(AgentRole role, AgentContext context) => role switch
    {
        AgentRole.Architect => _architect.Write(context),
        AgentRole.Security => Json(_security.Review(Plan(context), context.Settings)),
        AgentRole.Cost => Json(CostDraft(Plan(context))),
        AgentRole.Reliability => Json(_reliability.Review(Plan(context), context.Settings)),
        AgentRole.Validator => Json(ValidationRules.Judge(context)),
        AgentRole.Recommender when context.Candidates is not null => Json(Choose(context)),
        AgentRole.Recommender => RecommendationWriter.Write(context),
        AgentRole.Terraform => _terraform.Write(Plan(context), context.Settings),
        AgentRole.Clarifier => Json(_clarifier.Decide(context)),
        AgentRole.TerraformCorrector => _corrector.Correct(context.Terraform ?? "", context.TerraformCheck),
        AgentRole.Custom => Json(_custom.Review(Plan(context), context)),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "No built-in answer for this role."),
    };

    /// <summary>The choice by Carlos's rules, with the usual recommendation of the chosen design as its summary.</summary>
    private ChoiceDraft Choose(AgentContext context)
    {
        var named = catalog.Match(context.Requirements).Select(s => s.Id).ToList();
        var draft = ChoiceRules.Choose(context, named);
        var chosen = context.Candidates!.Single(c => c.Candidate == draft.Chosen);
        var summary = RecommendationWriter.Write(context with
        {
            DesignMarkdown = chosen.DesignMarkdown, Security = chosen.Security, Cost = chosen.Cost,
            Reliability = chosen.Reliability, Validation = chosen.Validation, Round = 1,
        });
        return draft with { Summary = summary };
    }

    private static DesignPlan Plan(AgentContext context) => DesignDocument.Parse(
        context.DesignMarkdown ?? throw new InvalidOperationException("This role reviews a design; none was given."));

    private CostAnalysisDraft CostDraft(DesignPlan plan)
    {
        var services = plan.Components.Select(c => new ChosenService(c.ServiceId, c.Tier, c.Quantity)).ToList();
        var opportunities = new List<string>();
        if (plan.Components.Any(c => c.Tier == Contracts.Designs.CostPerformance.PerformanceOptimized
                && catalog.Get(c.ServiceId).Category == ServiceCategory.Compute))
        {
            opportunities.Add("Reserve steady compute for one or three years to cut its price substantially.");
        }

        if (plan.Has("aks") || plan.Has("app_service") || plan.Has("container_apps"))
        {
            opportunities.Add("Autoscale the compute tier on load and scale non-production environments to zero out of hours.");
        }

        if (plan.Has("storage_account") || plan.Has("data_lake"))
        {
            opportunities.Add("Move data that is rarely read to the cool or archive access tiers with lifecycle rules.");
        }

        if (plan.Regions > 1)
        {
            opportunities.Add("Run the secondary region warm at reduced capacity and scale it out on failover.");
        }

        opportunities.Add("Use Azure dev/test pricing for non-production subscriptions.");
        return new CostAnalysisDraft(services, opportunities);
    }

    // Nulls are written, as strict structured outputs require every property to be present.
    private static readonly JsonSerializerOptions Indented = new(CarlosJson.Options)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, Indented);

    [GeneratedRegex(@"\s*\S{1,8}|\s+")]
    private static partial Regex Token();
}
