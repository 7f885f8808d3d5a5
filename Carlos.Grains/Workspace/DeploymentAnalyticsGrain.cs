using Carlos.Contracts.Identity;
using Carlos.Contracts.Workspace;
using Carlos.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Carlos.Grains.Workspace;

/// <summary>
/// One tenant's deployment figures (key: the tenant id). It keeps running tallies per scenario and, per design, what
/// that design's record added to them, so a second record for a design first takes the first one's share back out:
/// figures are never counted twice and never recomputed from the designs.
/// </summary>
[GrainType("carlos.deployment-analytics")]
internal sealed class DeploymentAnalyticsGrain(
    [PersistentState("analytics", StorageNames.Default)] IPersistentState<DeploymentAnalyticsState> store,
    IOptions<WorkspaceOptions> options)
    : Grain, IDeploymentAnalyticsGrain, IDeploymentAnalyticsWriter
{
    public const int TopIssueCount = 10;

    private DeploymentAnalyticsState State => store.State;

    public Task<DeploymentAnalytics> GetAsync(Caller caller)
    {
        var tallies = InTenant(caller) ? State.Tallies : [];
        var all = ScenarioTally.Sum(tallies.Values);
        return Task.FromResult(new DeploymentAnalytics
        {
            TotalDesigns = all.TotalDesigns,
            DeployedCount = all.Deployed,
            DeploymentRate = Rate(all.Deployed, all.TotalDesigns),
            SuccessRate = Rate(all.Succeeded, all.Deployed),
            AverageSatisfaction = all.Ratings == 0 ? null : (double)all.RatingSum / all.Ratings,
            TopIssues = Top(all),
            ByScenario = tallies.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new ScenarioDeploymentFigures
            {
                Scenario = t.Key,
                TotalDesigns = t.Value.TotalDesigns,
                DeployedCount = t.Value.Deployed,
                DeploymentRate = Rate(t.Value.Deployed, t.Value.TotalDesigns),
                SuccessRate = Rate(t.Value.Succeeded, t.Value.Deployed),
                AverageSatisfaction = t.Value.Ratings == 0 ? null : (double)t.Value.RatingSum / t.Value.Ratings,
                TopIssues = Top(t.Value),
            }).ToList(),
        });
    }

    public Task<IReadOnlyList<Lesson>> LessonsAsync(Caller caller) =>
        Task.FromResult(InTenant(caller) ? Lessons.From(State, options.Value) : (IReadOnlyList<Lesson>)[]);

    public async Task DesignStartedAsync(Guid designId, string scenario)
    {
        if (State.Designs.TryAdd(designId, scenario))
        {
            TallyOf(scenario).TotalDesigns++;
            await store.WriteStateAsync();
        }
    }

    public async Task RecordAsync(Guid designId, string scenario, DeploymentRecord record)
    {
        if (State.Designs.TryAdd(designId, scenario))
        {
            TallyOf(scenario).TotalDesigns++;
        }

        scenario = State.Designs[designId];
        if (State.Contributions.Remove(designId, out var previous))
        {
            TallyOf(scenario).Apply(previous, -1);
        }

        var contribution = new Contribution
        {
            Deployed = record.Deployed,
            Succeeded = record.Deployed && record.Success == true,
            Rating = record.SatisfactionRating,
            Issues = record.IssuesEncountered.Select(State.Groups.Assign).Distinct(StringComparer.Ordinal).ToList(),
            Modification = string.IsNullOrWhiteSpace(record.ModificationsMade)
                ? null
                : State.Groups.Assign(record.ModificationsMade),
        };
        State.Contributions[designId] = contribution;
        TallyOf(scenario).Apply(contribution, +1);
        await store.WriteStateAsync();
    }

    public async Task DesignRemovedAsync(Guid designId)
    {
        if (!State.Designs.Remove(designId, out var scenario))
        {
            return;
        }

        var tally = TallyOf(scenario);
        tally.TotalDesigns--;
        if (State.Contributions.Remove(designId, out var contribution))
        {
            tally.Apply(contribution, -1);
        }

        await store.WriteStateAsync();
    }

    public async Task ClearAsync()
    {
        await store.ClearStateAsync();
        DeactivateOnIdle();
    }

    private bool InTenant(Caller caller) =>
        string.Equals(caller.TenantId, this.GetPrimaryKeyString(), StringComparison.Ordinal);

    private ScenarioTally TallyOf(string scenario)
    {
        if (!State.Tallies.TryGetValue(scenario, out var tally))
        {
            State.Tallies[scenario] = tally = new ScenarioTally();
        }

        return tally;
    }

    private IReadOnlyList<IssueCount> Top(ScenarioTally tally) => tally.Issues
        .Where(i => i.Value > 0)
        .OrderByDescending(i => i.Value).ThenBy(i => i.Key, StringComparer.Ordinal)
        .Take(TopIssueCount)
        .Select(i => new IssueCount(State.Groups.LabelOf(i.Key), i.Value))
        .ToList();

    private static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
