using Carlos.Contracts.Designs;
using Carlos.Grains.Agents;
using Carlos.Grains.BuiltinModel;
using Carlos.Grains.Catalog;
using Carlos.Grains.Model;
using Carlos.Grains.Terraform;
using Carlos.Grains.Workflow;
using Microsoft.Extensions.Options;

namespace Carlos.Tests.Infrastructure;

/// <summary>Runs the real pipeline and agents with the built-in model, without a cluster.</summary>
internal static class OfflineDesign
{
    public static ServiceCatalog Catalog { get; } = ServiceCatalog.LoadBundled();

    public static async Task<DesignSnapshot> RunAsync(string requirements, DesignSettings? settings = null,
        int revisionRounds = 1, bool rival = false) =>
        DesignSnapshots.From(Guid.NewGuid(), await RunStateAsync(requirements, settings, revisionRounds, rival: rival));

    /// <summary>Runs a design whose model answers are passed through <paramref name="rewrite"/> first.</summary>
    public static async Task<DesignSnapshot> RunRewrittenAsync(string requirements, Func<AgentRole, string, string> rewrite,
        DesignSettings? settings = null, int revisionRounds = 1, bool rival = false) =>
        DesignSnapshots.From(Guid.NewGuid(), await RunStateAsync(requirements, settings, revisionRounds, rewrite, rival));

    public static async Task<DesignWorkflowState> RunStateAsync(
        string requirements, DesignSettings? settings = null, int revisionRounds = 1,
        Func<AgentRole, string, string>? rewrite = null, bool rival = false)
    {
        IChatModel model = new BuiltinChatModel(Catalog,
            Options.Create(new BuiltinModelOptions { TokensPerSecond = 10_000_000 }), TimeProvider.System);
        model = rewrite is null ? model : new RewritingChatModel(model, rewrite);
        var agents = new DesignAgents(model, new CostEstimator(Catalog), new TerraformCheck(Catalog));
        var state = new DesignWorkflowState
        {
            Request = new DesignRequest(requirements, settings ?? new DesignSettings()) { Rival = rival },
        };
        var pipeline = new DesignPipeline(state, revisionRounds, async (key, context, token) =>
        {
            var result = await agents.RunAsync(key.Role, context, _ => { }, token);
            var now = DateTimeOffset.UtcNow;
            var record = new StepRecord(new StepOutcome(key.Id, key.Agent, key.Round, now, now, result.Usage,
                result.Degraded) { Candidate = key.Candidate }, result);
            state.Steps[key.Id] = record;
            return record;
        });
        state.Status = await pipeline.RunAsync(CancellationToken.None);
        return state;
    }

    public static IReadOnlyList<string> ComponentIds(DesignSnapshot design) =>
        DesignDocument.Parse(design.DesignMarkdown!).ServiceIds.ToList();
}
