using System.ComponentModel.DataAnnotations;

namespace Carlos.Grains.Budget;

/// <summary>The cluster-wide token budget of each model deployment (<c>Carlos:TokenBudget</c>).</summary>
public sealed class TokenBudgetOptions
{
    public const string SectionName = "Carlos:TokenBudget";

    /// <summary>
    /// Reserve every Azure OpenAI call in the deployment's budget grain before sending it. Default true; false sends
    /// every call at once, as each silo alone would.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The length of Azure's tokens-per-minute window. Default one minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How much longer than the window a charge is counted, for the time between Carlos admitting a call and Azure
    /// receiving it. Default one second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan SkewAllowance { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Spread admissions over the minute: a call is admitted only while the tokens admitted in the last sixth of the
    /// window are under a sixth of the quota. Without it, a burst that fills the window leaves nothing to admit until
    /// its charges lapse, and a quiet tenant's call waits most of a minute. Default true.
    /// </summary>
    public bool PaceTokens { get; set; } = true;

    /// <summary>
    /// How long a reservation holds without being settled; longer than the longest attempt
    /// (<c>Carlos:Model:Resilience:AttemptTimeout</c>). When it passes, as when a silo dies with calls in flight, the
    /// reservation ends and its tokens go back as Azure would give them back. Default 11 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(11);

    /// <summary>The longest a waiting call's grain call waits before it asks again. Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:20")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A queued call whose caller has not asked for this long is dropped (its silo is gone). Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AbandonAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Weights of tenants in the weighted-fair queues (<c>Carlos:TokenBudget:TenantWeights:{tenant}</c>); a tenant not
    /// named weighs 1. A tenant of weight 2 gets twice the tokens of one of weight 1 when both wait.
    /// </summary>
    public Dictionary<string, double> TenantWeights { get; set; } = new(StringComparer.Ordinal);

    public double WeightOf(string tenant) =>
        TenantWeights.TryGetValue(tenant, out var weight) && weight > 0 ? weight : 1.0;
}
