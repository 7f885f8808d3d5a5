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

    public Task<SpendCheck> CheckSpendAsync(SpendCapLimits caps, long tokens)
    {
        var now = time.GetUtcNow();
        var today = store.State.ByDay.GetValueOrDefault(Day(now), TokenUsage.Zero).TotalTokens;
        if (caps.TokensPerDay is { } daily && today + tokens > daily)
        {
            var midnight = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
            return Task.FromResult(new SpendCheck(false, SpendCheck.TokensPerDay, daily, today, midnight));
        }

        var month = now.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var thisMonth = store.State.ByDay.Where(d => d.Key.StartsWith(month, StringComparison.Ordinal))
            .Sum(d => d.Value.TotalTokens);
        if (caps.TokensPerMonth is { } monthly && thisMonth + tokens > monthly)
        {
            var first = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
            return Task.FromResult(new SpendCheck(false, SpendCheck.TokensPerMonth, monthly, thisMonth, first));
        }

        return Task.FromResult(new SpendCheck(true));
    }

    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
