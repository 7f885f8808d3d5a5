using Carlos.Contracts.Budget;

namespace Carlos.Grains.Budget;

/// <summary>
/// The calls waiting for a deployment's budget, served weighted-fair across tenants: each call gets a finish tag of
/// its tenant's previous tag (or the queue's virtual time, for a tenant that was idle) plus its tokens over the
/// tenant's weight, and the smallest tag goes first. So a tenant that floods the queue only lengthens its own line.
/// Interactive calls go before background ones. Not thread-safe: the budget grain's one thread owns it.
/// </summary>
internal sealed class BudgetQueue
{
    private readonly Dictionary<Guid, Waiter> _waiting = [];
    private readonly Dictionary<string, double> _lastFinish = new(StringComparer.Ordinal);
    private double _virtualTime;
    private long _sequence;

    public int Count => _waiting.Count;

    public bool Contains(Guid ticket) => _waiting.ContainsKey(ticket);

    public Waiter? Find(Guid ticket) => _waiting.GetValueOrDefault(ticket);

    public void Add(BudgetAsk ask, DateTimeOffset now, double weight)
    {
        var start = Math.Max(_virtualTime, _lastFinish.GetValueOrDefault(ask.TenantId));
        var finish = start + ask.ReservedTokens / weight;
        _lastFinish[ask.TenantId] = finish;
        _waiting[ask.Ticket] = new Waiter(ask, now, start, finish, _sequence++) { LastPolled = now };
    }

    /// <summary>The call that goes next.</summary>
    public Waiter? Next()
    {
        Waiter? best = null;
        foreach (var waiter in _waiting.Values)
        {
            if (best is null || Before(waiter, best))
            {
                best = waiter;
            }
        }

        return best;
    }

    public void Served(Waiter waiter)
    {
        _waiting.Remove(waiter.Ask.Ticket);
        _virtualTime = Math.Max(_virtualTime, waiter.Start);
    }

    /// <summary>A waiter leaves unserved: its tenant's later calls move up by its tokens, so giving up costs nothing.</summary>
    public Waiter? Remove(Guid ticket)
    {
        if (!_waiting.Remove(ticket, out var gone))
        {
            return null;
        }

        Forget(gone);
        return gone;
    }

    private void Forget(Waiter gone)
    {
        var cost = gone.Finish - gone.Start;
        foreach (var later in _waiting.Values.Where(w => w.Ask.TenantId == gone.Ask.TenantId && w.Start >= gone.Start))
        {
            later.Start -= cost;
            later.Finish -= cost;
        }

        _lastFinish[gone.Ask.TenantId] = Math.Max(_virtualTime, _lastFinish[gone.Ask.TenantId] - cost);
    }

    public List<Waiter> RemoveAll()
    {
        var all = _waiting.Values.ToList();
        _waiting.Clear();
        return all;
    }

    /// <summary>Drops waiters whose caller has not asked since <paramref name="silentSince"/>.</summary>
    public List<Waiter> RemoveAbandoned(DateTimeOffset silentSince)
    {
        var gone = _waiting.Values.Where(w => w.LastPolled < silentSince).ToList();
        foreach (var waiter in gone)
        {
            _waiting.Remove(waiter.Ask.Ticket);
            Forget(waiter);
        }

        return gone;
    }

    /// <summary>The waiter's place in serving order (1 is next) and the tokens of the calls up to it, its own included.</summary>
    public (int Position, long TokensAhead) PositionOf(Waiter waiter)
    {
        var position = 1;
        long tokens = waiter.Ask.ReservedTokens;
        foreach (var other in _waiting.Values)
        {
            if (other != waiter && Before(other, waiter))
            {
                position++;
                tokens += other.Ask.ReservedTokens;
            }
        }

        return (position, tokens);
    }

    public IReadOnlyDictionary<string, int> CountByTenant() => _waiting.Values
        .GroupBy(w => w.Ask.TenantId, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static bool Before(Waiter a, Waiter b) =>
        a.Ask.Priority != b.Ask.Priority ? a.Ask.Priority < b.Ask.Priority
        : a.Finish != b.Finish ? a.Finish < b.Finish
        : a.Sequence < b.Sequence;

    internal sealed class Waiter(BudgetAsk ask, DateTimeOffset enqueuedAt, double start, double finish, long sequence)
    {
        public BudgetAsk Ask { get; } = ask;

        public DateTimeOffset EnqueuedAt { get; } = enqueuedAt;

        public double Start { get; set; } = start;

        public double Finish { get; set; } = finish;

        public long Sequence { get; } = sequence;

        public DateTimeOffset LastPolled { get; set; }

        public TaskCompletionSource<BudgetGrant> Decided { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
