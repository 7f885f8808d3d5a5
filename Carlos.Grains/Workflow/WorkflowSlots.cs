using Microsoft.Extensions.Options;

namespace Carlos.Grains.Workflow;

/// <summary>
/// Caps the designs one silo runs at once. A design that finds every slot taken waits in a first-come queue and is
/// told its position whenever it changes; when the queue is full too, new designs are refused so that the gateway
/// can answer 503. Shared by every workflow activation of the silo, so it is thread-safe.
/// </summary>
internal sealed class WorkflowSlots(IOptions<WorkflowOptions> options)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter> _queue = new();
    private int _running;

    /// <summary>True when a new design could neither run nor wait here.</summary>
    public bool IsFull
    {
        get
        {
            lock (_lock)
            {
                var o = options.Value;
                return _running >= o.MaxConcurrentPerSilo && _queue.Count >= o.MaxQueuedPerSilo;
            }
        }
    }

    /// <summary>Waits for a slot; <paramref name="queued"/> hears the position while waiting. Dispose to free it.</summary>
    public async Task<IDisposable> EnterAsync(Action<int> queued, CancellationToken cancellationToken)
    {
        Waiter waiter;
        int position;
        lock (_lock)
        {
            if (_running < options.Value.MaxConcurrentPerSilo && _queue.Count == 0)
            {
                _running++;
                return new Slot(this);
            }

            waiter = new Waiter(queued);
            waiter.Node = _queue.AddLast(waiter);
            position = _queue.Count;
        }

        queued(position);
        await using (cancellationToken.Register(() => Leave(waiter)))
        {
            await waiter.Admitted.Task;
        }

        return new Slot(this);
    }

    private void Leave(Waiter waiter)
    {
        List<(Waiter, int)> moved;
        lock (_lock)
        {
            if (waiter.Node is null || !waiter.Admitted.TrySetCanceled())
            {
                return;
            }

            _queue.Remove(waiter.Node);
            moved = Positions();
        }

        Tell(moved);
    }

    private void Release()
    {
        List<(Waiter, int)> moved;
        lock (_lock)
        {
            _running--;
            if (_queue.First is { } next)
            {
                _queue.RemoveFirst();
                next.Value.Node = null;
                _running++;
                next.Value.Admitted.TrySetResult();
            }

            moved = Positions();
        }

        Tell(moved);
    }

    private List<(Waiter, int)> Positions() => _queue.Select((w, i) => (w, i + 1)).ToList();

    private static void Tell(List<(Waiter Waiter, int Position)> moved)
    {
        foreach (var (waiter, position) in moved)
        {
            waiter.Queued(position);
        }
    }

    private sealed class Waiter(Action<int> queued)
    {
        public Action<int> Queued { get; } = queued;

        public TaskCompletionSource Admitted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }
    }

    private sealed class Slot(WorkflowSlots slots) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
