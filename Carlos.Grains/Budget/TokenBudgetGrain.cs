using Carlos.Contracts.Budget;
using Orleans.Concurrency;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Carlos.Grains.Budget;

/// <summary>
/// One deployment's tokens-per-minute and requests-per-minute for the whole cluster. A call is admitted when the
/// tokens charged in the sliding window, in-flight reservations included, plus its own fit the quota, and when the
/// requests of the last sixth of the window (Azure's 10-second check) leave room. A standard deployment keeps a
/// reservation's charge for the whole window, as Azure does; a provisioned one replaces it with the real usage when
/// the call settles. Calls that do not fit wait in weighted-fair queues per tenant (<see cref="BudgetQueue"/>).
/// The grain is reentrant so that a long-polling waiter never holds up other callers; every change of state
/// happens between awaits, on the grain's one thread.
/// </summary>
/// <remarks>
/// The window lives in memory: if the grain's silo is lost, the new activation forgets the last minute's charges and
/// learns them back from the next responses' <c>x-ratelimit-remaining-tokens</c> and any 429.
/// </remarks>
[Reentrant]
[GrainType("carlos.token-budget")]
internal sealed partial class TokenBudgetGrain(
    IOptions<TokenBudgetOptions> options,
    TokenBudgetMetrics metrics,
    TimeProvider time,
    ILogger<TokenBudgetGrain> logger)
    : Grain, ITokenBudgetGrain
{
    /// <summary>How long an ended reservation is remembered, so that a late or repeated settle counts once.</summary>
    private static readonly TimeSpan EndedKept = TimeSpan.FromHours(1);

    private readonly List<Charge> _window = [];
    private readonly Dictionary<Guid, Reservation> _reservations = [];
    private readonly Dictionary<Guid, Ended> _ended = [];
    private readonly BudgetQueue _queue = new();
    private DeploymentQuota _quota = new(int.MaxValue, int.MaxValue, false);
    private DateTimeOffset _pausedUntil;
    private TaskCompletionSource _changed = new();
    private bool _deactivating;
    private long _admitted, _reserved, _used, _refunded, _overcharged, _expired, _late, _throttles, _cancelled,
        _settled;

    private TokenBudgetOptions Options => options.Value;

    private string Deployment => this.GetPrimaryKeyString();

    private TimeSpan Counted => Options.Window + Options.SkewAllowance;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        PumpLoopAsync().Ignore();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _deactivating = true;
        _changed.TrySetResult();
        foreach (var ticket in _queue.RemoveAll())
        {
            metrics.QueueChanged(Deployment, ticket.Ask.TenantId, -1);
            ticket.Decided.TrySetResult(new BudgetGrant(ticket.Ask.Ticket, BudgetGrantStatus.Unknown));
        }

        return Task.CompletedTask;
    }

    public Task<BudgetGrant> ReserveAsync(BudgetAsk ask)
    {
        _quota = ask.Quota;
        var now = time.GetUtcNow();
        if (_reservations.TryGetValue(ask.Ticket, out var held))
        {
            return Task.FromResult(Granted(held));
        }

        if (ask.ReservedTokens > _quota.TokensPerMinute)
        {
            return Task.FromResult(new BudgetGrant(ask.Ticket, BudgetGrantStatus.TooLarge));
        }

        if (!_queue.Contains(ask.Ticket))
        {
            _queue.Add(ask, now, Options.WeightOf(ask.TenantId));
            metrics.QueueChanged(Deployment, ask.TenantId, 1);
        }

        Pump(now);
        return Task.FromResult(StateOf(ask.Ticket, now));
    }

    public async Task<BudgetGrant> WaitAsync(Guid ticket, TimeSpan maxWait)
    {
        var now = time.GetUtcNow();
        if (_queue.Find(ticket) is not { } waiting)
        {
            return StateOf(ticket, now);
        }

        waiting.LastPolled = now;
        using var timeout = new CancellationTokenSource();
        var decided = await Task.WhenAny(waiting.Decided.Task, Task.Delay(maxWait, time, timeout.Token));
        await timeout.CancelAsync();
        return decided == waiting.Decided.Task ? await waiting.Decided.Task : StateOf(ticket, time.GetUtcNow());
    }

    public Task CancelAsync(Guid ticket)
    {
        var now = time.GetUtcNow();
        if (_queue.Remove(ticket) is { } waiting)
        {
            _cancelled++;
            metrics.QueueChanged(Deployment, waiting.Ask.TenantId, -1);
            waiting.Decided.TrySetResult(new BudgetGrant(ticket, BudgetGrantStatus.Unknown));
            LogLeftQueue(logger, Deployment, waiting.Ask.TenantId);
            Pump(now);
        }
        else if (_reservations.Remove(ticket, out var held))
        {
            // Admitted but never sent: Azure never saw it, so every token and the request go back.
            _cancelled++;
            _window.Remove(held.Charge);
            Refund(held, held.Reserved);
            _ended[ticket] = new Ended(held, now);
            Pump(now);
        }

        return Task.CompletedTask;
    }

    public Task SettleAsync(BudgetSettlement settlement)
    {
        var now = time.GetUtcNow();
        var actual = settlement.PromptTokens + settlement.CompletionTokens;
        if (_reservations.Remove(settlement.Ticket, out var held))
        {
            Settle(held, actual, settlement.TenantId);
            _ended[settlement.Ticket] = new Ended(held, now) { Settled = true };
        }
        else if (_ended.TryGetValue(settlement.Ticket, out var ended))
        {
            if (!ended.Settled)
            {
                // The lease had passed (or the call was released); the usage still counts, once.
                _late++;
                _settled++;
                _used += actual;
                metrics.Used(Deployment, settlement.TenantId, actual);
                ended.Settled = true;
                if (_quota.Provisioned || actual > ended.Reservation.Charge.Tokens)
                {
                    ended.Reservation.Charge.Tokens = actual;
                }
            }
        }
        else
        {
            // A reservation of an earlier activation: charge what Azure counted, from now, to stay on the safe side.
            _late++;
            var charge = new Charge(now, _quota.Provisioned ? actual : settlement.ReservedTokens, Request: false);
            _window.Add(charge);
            _used += actual;
            _settled++;
            metrics.Used(Deployment, settlement.TenantId, actual);
            _ended[settlement.Ticket] = new Ended(
                new Reservation(settlement.Ticket, settlement.TenantId, settlement.ReservedTokens,
                    settlement.PromptTokens, now, charge), now) { Settled = true };
        }

        Pump(now);
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(Guid ticket)
    {
        var now = time.GetUtcNow();
        if (_reservations.Remove(ticket, out var held))
        {
            if (!held.Reported)
            {
                // No answer was seen, so Azure may have received the call at any moment until now.
                held.Charge.At = now;
            }

            EndUnsettled(held);
            _ended[ticket] = new Ended(held, now);
            Pump(now);
        }

        return Task.CompletedTask;
    }

    public Task ThrottledAsync(TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        _throttles++;
        metrics.UpstreamThrottled(Deployment);
        var until = now + (retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromSeconds(1));
        if (until > _pausedUntil)
        {
            _pausedUntil = until;
            LogPaused(logger, Deployment, until);
        }

        return Task.CompletedTask;
    }

    public Task QuotaReportedAsync(Guid ticket, long? remainingTokens, long? remainingRequests)
    {
        var now = time.GetUtcNow();
        if (_reservations.TryGetValue(ticket, out var held))
        {
            // Azure counts the call from when it arrived, which was after Carlos admitted it: count it from now.
            held.Charge.At = now;
            held.Reported = true;
        }

        Prune(now);
        if (remainingTokens is { } reported && _quota.TokensPerMinute != int.MaxValue)
        {
            // Another consumer of the deployment spent what the window does not know about: count it, for a window.
            var unknown = _quota.TokensPerMinute - TokensInWindow() - reported;
            if (unknown > 0)
            {
                _window.Add(new Charge(now, (int)Math.Min(unknown, int.MaxValue), Request: false));
            }
        }

        return Task.CompletedTask;
    }

    public Task<BudgetSnapshot> GetSnapshotAsync()
    {
        var now = time.GetUtcNow();
        Prune(now);
        return Task.FromResult(new BudgetSnapshot(
            _quota.TokensPerMinute,
            TokensInWindow(),
            _reservations.Values.Sum(r => (long)r.Reserved),
            _reservations.Count,
            _queue.Count,
            _queue.CountByTenant(),
            _pausedUntil > now ? _pausedUntil : null,
            new BudgetCounters(_admitted, _reserved, _used, _refunded, _overcharged, _expired, _late, _throttles,
                _cancelled, _settled)));
    }

    private void Settle(Reservation held, int actual, string tenant)
    {
        _settled++;
        _used += actual;
        metrics.Used(Deployment, tenant, actual);
        if (_quota.Provisioned)
        {
            held.Charge.Tokens = actual;
        }

        if (actual <= held.Reserved)
        {
            Refund(held, held.Reserved - actual);
        }
        else
        {
            // The model answered past the reservation (a short count of the prompt): the window is charged the rest.
            _overcharged += actual - held.Reserved;
            if (!_quota.Provisioned)
            {
                held.Charge.Tokens = actual;
            }
        }
    }

    /// <summary>An attempt that ended without usage: a provisioned deployment charged its prompt, as Azure does.</summary>
    private void EndUnsettled(Reservation held)
    {
        if (_quota.Provisioned)
        {
            held.Charge.Tokens = held.Prompt;
        }

        Refund(held, held.Reserved - held.Prompt);
    }

    private void Refund(Reservation held, int tokens)
    {
        _refunded += tokens;
        metrics.Refunded(Deployment, held.TenantId, tokens);
    }

    private BudgetGrant StateOf(Guid ticket, DateTimeOffset now)
    {
        if (_reservations.TryGetValue(ticket, out var held))
        {
            return Granted(held);
        }

        if (_queue.Find(ticket) is not { } waiting)
        {
            return new BudgetGrant(ticket, BudgetGrantStatus.Unknown);
        }

        var (position, ahead) = _queue.PositionOf(waiting);
        return new BudgetGrant(ticket, BudgetGrantStatus.Queued, position, EstimateStart(now, ahead));
    }

    private static BudgetGrant Granted(Reservation held) =>
        new(held.Ticket, BudgetGrantStatus.Admitted, LeaseUntil: held.LeaseUntil);

    /// <summary>Admits queued calls in fair order while the head of the queue fits; the head is never overtaken.</summary>
    private void Pump(DateTimeOffset now)
    {
        Prune(now);
        foreach (var abandoned in _queue.RemoveAbandoned(now - Options.AbandonAfter))
        {
            metrics.QueueChanged(Deployment, abandoned.Ask.TenantId, -1);
            abandoned.Decided.TrySetResult(new BudgetGrant(abandoned.Ask.Ticket, BudgetGrantStatus.Unknown));
        }

        while (_queue.Next() is { } next && Fits(next.Ask, now))
        {
            _queue.Served(next);
            metrics.QueueChanged(Deployment, next.Ask.TenantId, -1);
            metrics.Waited(Deployment, next.Ask.TenantId, now - next.EnqueuedAt);
            next.Decided.TrySetResult(Granted(Admit(next.Ask, now)));
        }

        _changed.TrySetResult();
    }

    private bool Fits(BudgetAsk ask, DateTimeOffset now)
    {
        if (now < _pausedUntil || TokensInWindow() + ask.ReservedTokens > _quota.TokensPerMinute)
        {
            return false;
        }

        var requests = _window.Count(c => c.Request);
        var recent = _window.Count(c => c.Request && c.At > now - SubWindow);
        if (requests >= _quota.RequestsPerMinute || recent >= RequestsPerSubWindow)
        {
            return false;
        }

        return !Options.PaceTokens || _window.Where(c => c.Request && c.At > now - Options.Window / 6)
            .Sum(c => (long)c.Tokens) < _quota.TokensPerMinute / 6;
    }

    private TimeSpan SubWindow => Options.Window / 6 + Options.SkewAllowance;

    private int RequestsPerSubWindow => Math.Max(1, (int)Math.Ceiling(_quota.RequestsPerMinute / 6.0));

    private Reservation Admit(BudgetAsk ask, DateTimeOffset now)
    {
        var charge = new Charge(now, ask.ReservedTokens, Request: true);
        _window.Add(charge);
        var held = new Reservation(ask.Ticket, ask.TenantId, ask.ReservedTokens, ask.PromptTokens,
            now + ask.Lease, charge);
        _reservations[ask.Ticket] = held;
        _admitted++;
        _reserved += ask.ReservedTokens;
        metrics.Reserved(Deployment, ask.TenantId, ask.ReservedTokens);
        return held;
    }

    private long TokensInWindow() => _window.Sum(c => (long)c.Tokens);

    private void Prune(DateTimeOffset now)
    {
        _window.RemoveAll(c => c.At <= now - Counted);
        foreach (var lapsed in _reservations.Values.Where(r => r.LeaseUntil <= now).ToList())
        {
            _reservations.Remove(lapsed.Ticket);
            _expired++;
            metrics.LeaseExpired(Deployment, lapsed.TenantId);
            LogLeaseExpired(logger, Deployment, lapsed.TenantId, lapsed.Reserved);
            EndUnsettled(lapsed);
            _ended[lapsed.Ticket] = new Ended(lapsed, now);
        }

        foreach (var old in _ended.Where(e => e.Value.At <= now - EndedKept).Select(e => e.Key).ToList())
        {
            _ended.Remove(old);
        }
    }

    /// <summary>When the calls ahead of a waiter and its own would fit, from the window's charges as they lapse.</summary>
    private DateTimeOffset EstimateStart(DateTimeOffset now, long tokensAhead)
    {
        var start = _pausedUntil > now ? _pausedUntil : now;
        var excess = TokensInWindow() + tokensAhead - _quota.TokensPerMinute;
        if (excess <= 0)
        {
            return start;
        }

        foreach (var charge in _window.OrderBy(c => c.At))
        {
            excess -= charge.Tokens;
            if (excess <= 0)
            {
                var freed = charge.At + Counted;
                return freed > start ? freed : start;
            }
        }

        // Beyond what the window holds now, the quota refills once a window.
        var windows = (double)excess / Math.Max(1, _quota.TokensPerMinute) + 1;
        return now + Counted * windows;
    }

    /// <summary>
    /// Wakes when the next charge, lease or pause ends, or when something changed, and admits what then fits. Runs on
    /// the grain's scheduler for the life of the activation.
    /// </summary>
    private async Task PumpLoopAsync()
    {
        while (!_deactivating)
        {
            _changed = new TaskCompletionSource();
            using var timer = new CancellationTokenSource();
            await Task.WhenAny(_changed.Task, Task.Delay(NextChange(time.GetUtcNow()), time, timer.Token));
            await timer.CancelAsync();
            if (!_deactivating)
            {
                Pump(time.GetUtcNow());
            }
        }
    }

    private TimeSpan NextChange(DateTimeOffset now)
    {
        var next = now + Options.PollInterval;
        if (_window.Count > 0)
        {
            next = Min(next, _window.Min(c => c.At) + Counted);
        }

        if (_reservations.Count > 0)
        {
            next = Min(next, _reservations.Values.Min(r => r.LeaseUntil));
        }

        // The sixth-of-a-window checks (requests, and the pacing of tokens) free up as charges age out of them.
        var pacedSince = now - Options.Window / 6;
        if (_window.Where(c => c.Request && c.At > pacedSince).Select(c => c.At).DefaultIfEmpty().Min() is var oldest
            && oldest != default)
        {
            next = Min(next, oldest + Options.Window / 6);
        }

        if (_window.Where(c => c.Request && c.At > now - SubWindow).Select(c => c.At).DefaultIfEmpty().Min() is var first
            && first != default)
        {
            next = Min(next, first + SubWindow);
        }

        if (_pausedUntil > now)
        {
            next = Min(next, _pausedUntil);
        }

        var wait = next - now;
        return wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>Tokens one call holds in the window, from its admission.</summary>
    private sealed class Charge(DateTimeOffset at, int tokens, bool Request)
    {
        public DateTimeOffset At { get; set; } = at;

        public int Tokens { get; set; } = tokens;

        /// <summary>False for charges that count tokens but no request (another consumer's, a late settle).</summary>
        public bool Request { get; } = Request;
    }

    private sealed record Reservation(
        Guid Ticket, string TenantId, int Reserved, int Prompt, DateTimeOffset LeaseUntil, Charge Charge)
    {
        /// <summary>True once the deployment's answer to the call was seen.</summary>
        public bool Reported { get; set; }
    }

    private sealed record Ended(Reservation Reservation, DateTimeOffset At)
    {
        public bool Settled { get; set; }
    }

    [LoggerMessage(EventId = 2150, Level = LogLevel.Warning,
        Message = "Token budget {Deployment}: the deployment answered 429; admissions pause until {Until}")]
    private static partial void LogPaused(ILogger logger, string deployment, DateTimeOffset until);

    [LoggerMessage(EventId = 2151, Level = LogLevel.Warning,
        Message = "Token budget {Deployment}: a reservation of {Tokens} tokens for tenant {Tenant} lapsed unsettled")]
    private static partial void LogLeaseExpired(ILogger logger, string deployment, string tenant, int tokens);

    [LoggerMessage(EventId = 2152, Level = LogLevel.Debug,
        Message = "Token budget {Deployment}: a waiting call of tenant {Tenant} left the queue")]
    private static partial void LogLeftQueue(ILogger logger, string deployment, string tenant);
}
