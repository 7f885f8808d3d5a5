namespace Carlos.Grains.Workspace;

/// <summary>A tenant's designs by scenario, what each design's record counted, and the tallies per scenario.</summary>
[GenerateSerializer]
[Alias("Carlos.DeploymentAnalyticsState")]
public sealed class DeploymentAnalyticsState
{
    /// <summary>Every design of the tenant still stored, and its scenario.</summary>
    [Id(0)] public Dictionary<Guid, string> Designs { get; set; } = [];

    /// <summary>What each design's deployment record adds to its scenario's tally.</summary>
    [Id(1)] public Dictionary<Guid, Contribution> Contributions { get; set; } = [];

    [Id(2)] public Dictionary<string, ScenarioTally> Tallies { get; set; } = [];

    [Id(3)] public IssueGroups Groups { get; set; } = new();
}

/// <summary>One deployment record's share of the figures.</summary>
[GenerateSerializer]
[Alias("Carlos.DeploymentContribution")]
public sealed record Contribution
{
    [Id(0)] public bool Deployed { get; init; }

    [Id(1)] public bool Succeeded { get; init; }

    [Id(2)] public int Rating { get; init; }

    /// <summary>The issue groups the record reported, each once.</summary>
    [Id(3)] public List<string> Issues { get; init; } = [];

    /// <summary>The group of the modifications the user made, if any.</summary>
    [Id(4)] public string? Modification { get; init; }
}

/// <summary>Running sums for one scenario.</summary>
[GenerateSerializer]
[Alias("Carlos.ScenarioTally")]
public sealed class ScenarioTally
{
    [Id(0)] public int TotalDesigns { get; set; }

    [Id(1)] public int Deployed { get; set; }

    [Id(2)] public int Succeeded { get; set; }

    [Id(3)] public long RatingSum { get; set; }

    [Id(4)] public int Ratings { get; set; }

    [Id(5)] public Dictionary<string, int> Issues { get; set; } = [];

    [Id(6)] public Dictionary<string, int> Modifications { get; set; } = [];

    /// <summary>Adds (<paramref name="sign"/> +1) or takes back (-1) one record's share.</summary>
    public void Apply(Contribution c, int sign)
    {
        Deployed += c.Deployed ? sign : 0;
        Succeeded += c.Succeeded ? sign : 0;
        RatingSum += c.Rating * sign;
        Ratings += sign;
        foreach (var issue in c.Issues)
        {
            Issues[issue] = Issues.GetValueOrDefault(issue) + sign;
        }

        if (c.Modification is { } modification)
        {
            Modifications[modification] = Modifications.GetValueOrDefault(modification) + sign;
        }
    }

    public static ScenarioTally Sum(IEnumerable<ScenarioTally> tallies)
    {
        var sum = new ScenarioTally();
        foreach (var t in tallies)
        {
            sum.TotalDesigns += t.TotalDesigns;
            sum.Deployed += t.Deployed;
            sum.Succeeded += t.Succeeded;
            sum.RatingSum += t.RatingSum;
            sum.Ratings += t.Ratings;
            foreach (var (k, v) in t.Issues)
            {
                sum.Issues[k] = sum.Issues.GetValueOrDefault(k) + v;
            }

            foreach (var (k, v) in t.Modifications)
            {
                sum.Modifications[k] = sum.Modifications.GetValueOrDefault(k) + v;
            }
        }

        return sum;
    }
}
