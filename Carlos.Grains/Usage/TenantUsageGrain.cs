using System.Globalization;
using Carlos.Contracts.Identity;
using Carlos.Contracts.Reports;
using Carlos.Contracts.Usage;
using Carlos.Grains.Hosting;

namespace Carlos.Grains.Usage;

/// <inheritdoc cref="ITenantUsageGrain"/>
[GrainType("carlos.tenant-usage")]
internal sealed class TenantUsageGrain(
    [PersistentState("usage", StorageNames.Default)] IPersistentState<TenantUsageState> store,
    TimeProvider time)
    : Grain, ITenantUsageGrain
{
    /// <summary>Days of daily figures kept: enough for this month and the whole of the last.</summary>
    public const int DaysKept = 62;

    public async Task AddAsync(TokenUsage usage)
    {
        var state = store.State;
        var day = Day(time.GetUtcNow());
        state.Total = state.Total.Add(usage);
        state.ByDay[day] = state.ByDay.GetValueOrDefault(day, TokenUsage.Zero).Add(usage);
        foreach (var old in state.ByDay.Keys.Take(Math.Max(0, state.ByDay.Count - DaysKept)).ToList())
        {
            state.ByDay.Remove(old);
        }

        await store.WriteStateAsync();
    }

    public Task<TenantUsage?> GetAsync(Caller caller)
    {
        if (caller.TenantId != this.GetPrimaryKeyString())
        {
            return Task.FromResult<TenantUsage?>(null);
        }

        var now = time.GetUtcNow();
        var month = now.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var state = store.State;
        var thisMonth = state.ByDay.Where(d => d.Key.StartsWith(month, StringComparison.Ordinal))
            .Aggregate(TokenUsage.Zero, (sum, d) => sum.Add(d.Value));
        return Task.FromResult<TenantUsage?>(new TenantUsage(caller.TenantId, state.Total,
            state.ByDay.GetValueOrDefault(Day(now), TokenUsage.Zero), thisMonth, state.ByDay));
    }

    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
