using Carlos.Contracts.Tenants;
using Carlos.Contracts.Usage;
using Carlos.Grains.Model;
using Microsoft.Extensions.Options;

namespace Carlos.Grains.Budget;

/// <summary>A plan's spend caps (<c>Carlos:Plans:{plan}:SpendCaps:TokensPerDay</c> and <c>:TokensPerMonth</c>).</summary>
public sealed class SpendCapOptions
{
    /// <summary>Where <see cref="Plans"/> is bound from: each plan's <c>SpendCaps</c> beside its rate limits.</summary>
    public const string PlansSection = "Carlos:Plans";

    public Dictionary<string, PlanSpendCaps> Plans { get; set; } = new(StringComparer.Ordinal);

    public SpendCapLimits For(string plan) =>
        Plans.TryGetValue(plan, out var caps) ? caps.SpendCaps.Limits : SpendCapLimits.None;
}

/// <summary>The part of a plan that caps spending; both caps are off unless set.</summary>
public sealed class PlanSpendCaps
{
    public SpendCapSetting SpendCaps { get; set; } = new();
}

public sealed class SpendCapSetting
{
    public long? TokensPerDay { get; set; }

    public long? TokensPerMonth { get; set; }

    public SpendCapLimits Limits => new(TokensPerDay, TokensPerMonth);
}

/// <summary>
/// Refuses a model call that would take its tenant past a cap of its plan. The design it belongs to then fails with
/// a <c>failed</c> event naming the cap and its reset. Costs nothing while no plan has caps.
/// </summary>
internal sealed class SpendCaps(IGrainFactory grains, IOptions<SpendCapOptions> options)
{
    public async Task EnsureRoomAsync(string tenant, long tokens)
    {
        var plans = options.Value;
        if (plans.Plans.Values.All(p => p.SpendCaps.Limits.IsNone))
        {
            return;
        }

        var plan = (await grains.GetGrain<ITenantGrain>(tenant).GetAsync())?.Plan ?? "default";
        var limits = plans.For(plan);
        if (limits.IsNone)
        {
            return;
        }

        var check = await grains.GetGrain<ITenantUsageGrain>(tenant).CheckSpendAsync(limits, tokens);
        if (!check.Allowed)
        {
            throw new ModelUnavailableException(check.Describe());
        }
    }
}
