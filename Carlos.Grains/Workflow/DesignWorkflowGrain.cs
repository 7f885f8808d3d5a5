using Carlos.Contracts.Designs;
using Carlos.Contracts.Identity;
using Carlos.Grains.Agents;
using Carlos.Grains.Documents;
using Carlos.Grains.Events;
using Carlos.Grains.Hosting;
using Carlos.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace Carlos.Grains.Workflow;

/// <summary>
/// Runs one design. The pipeline runs in the grain's background so that no grain call waits on a model; each
/// finished step is written to storage before the next starts. A reminder brings the design back on another silo if
/// this one is lost, and a silo that shuts down wakes its designs elsewhere at once.
/// </summary>
[GrainType("carlos.design")]
internal sealed partial class DesignWorkflowGrain(
    [PersistentState("design", StorageNames.Default)] IPersistentState<DesignWorkflowState> store,
    DesignAgents agents,
    WorkflowSlots slots,
    IOptions<WorkflowOptions> options,
    TimeProvider time,
    ILogger<DesignWorkflowGrain> logger)
    : Grain, IDesignWorkflowGrain, IDesignWorkflowWake, IDesignChoice, IRemindable
{
    private const string ResumeReminder = "resume";
    private static readonly TimeSpan ResumePeriod = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private ObserverManager<IDesignObserver> _observers = null!;
    private DesignEventJournal _journal = null!;
    private TaskScheduler _scheduler = null!;
    private IDisposable? _expiryTimer;

    private DesignWorkflowState State => store.State;

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _scheduler = TaskScheduler.Current;
        _observers = new ObserverManager<IDesignObserver>(options.Value.ObserverExpiry, logger);
        _journal = new DesignEventJournal(Id, GrainFactory, Publish, logger);
        if (!store.RecordExists)
        {
            return;
        }

        var last = await _journal.RecoverAsync(State.PersistedEvents);
        await RecoverOverruleAsync(last);
        if (last is { IsTerminal: true, Status: { } ended } && !State.Status.IsTerminal())
        {
            State.Status = ended;
            State.ActiveSteps.Clear();
            await WriteAsync();
        }

        if (State.Status == DesignStatus.AwaitingAnswers)
        {
            ScheduleExpiry();
        }
        else if (!State.Status.IsTerminal())
        {
            Resume();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        var wasRunning = _run is not null;
        await AbandonRunAsync(cancellationToken);
        await _lifetime.CancelAsync();
        await _journal.FlushAsync().WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Current);
        if (wasRunning && !State.Status.IsTerminal())
        {
            // Delivered once this activation is gone, so the design resumes on a silo that is not shutting down.
            GrainFactory.GetGrain<IDesignWorkflowWake>(Id).WakeAsync().Ignore();
            LogHandedOver(logger, Id, reason.ReasonCode);
        }
    }

    public async Task<StartOutcome?> StartAsync(Caller caller, DesignRequest request)
    {
        if (store.RecordExists)
        {
            return caller.CanAccess(State.Owner!) ? new StartOutcome(Summary(), Created: false) : null;
        }

        if (slots.IsFull)
        {
            DeactivateOnIdle();
            return new StartOutcome(new DesignSummary(Id, DesignStatus.Queued, time.GetUtcNow()), false) { Overloaded = true };
        }

        var (documents, unusable) = await DesignDocuments.ResolveAsync(GrainFactory, caller, request.DocumentIds);
        var missingAgents = await PrepareWorkspaceAsync(caller, request);
        var now = time.GetUtcNow();
        State.Owner = caller.AsOwner();
        State.Documents = documents;
        State.Request = request;
        State.Status = DesignStatus.Running;
        State.CreatedAt = now;
        State.Model = agents.ModelName;
        if (await TryAnswerFromCacheAsync())
        {
            return new StartOutcome(Summary(), Created: true);
        }

        await WriteAsync();
        await this.RegisterOrUpdateReminder(ResumeReminder, ResumePeriod, ResumePeriod);
        await JoinWorkspaceAsync();

        LogStarted(logger, Id, caller.TenantId, request.Settings.Scenario);
        CarlosMetrics.DesignStarted(request.Settings.Scenario);
        Append(DesignEventType.DesignStarted, e => e with
        {
            Status = DesignStatus.Running, DesignId = Id, Text = $"Design started with the {agents.ModelName} model.",
        });
        if ((unusable ?? missingAgents) is { } unusableInput)
        {
            await FinishAsync(DesignStatus.Failed, unusableInput);
            return new StartOutcome(Summary(), Created: true);
        }

        Launch();
        return new StartOutcome(Summary(), Created: true);
    }

    public async Task<DesignSnapshot?> GetAsync(Caller caller)
    {
        if (!Visible(caller))
        {
            return null;
        }

        // Events are appended before the status they announce; waiting for them keeps the log and the status in step.
        await _journal.FlushAsync();
        return DesignSnapshots.From(Id, State);
    }

    public async Task<EventPage?> GetEventsAsync(Caller caller, long afterSequence, int maxCount)
    {
        if (!Visible(caller))
        {
            return null;
        }

        var events = await _journal.ReadAsync(afterSequence, Math.Clamp(maxCount, 1, 1000));
        return new EventPage(events, _journal.PersistedSequence, State.Status);
    }

    public Task<bool> SubscribeAsync(Caller caller, IDesignObserver observer)
    {
        if (!Visible(caller))
        {
            return Task.FromResult(false);
        }

        _observers.Subscribe(observer, observer);
        return Task.FromResult(true);
    }

    public Task UnsubscribeAsync(IDesignObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task<CancelOutcome> CancelAsync(Caller caller)
    {
        if (!Visible(caller))
        {
            return CancelOutcome.NotFound;
        }

        if (State.Status.IsTerminal())
        {
            return CancelOutcome.AlreadyFinished;
        }

        await StopRunAsync();
        if (!State.Status.IsTerminal())
        {
            await FinishAsync(DesignStatus.Cancelled, error: null);
        }

        return CancelOutcome.Cancelled;
    }

    public async Task<AnswerOutcome> AnswerAsync(Caller caller, IReadOnlyList<string> answers)
    {
        if (!Visible(caller))
        {
            return AnswerOutcome.NotFound;
        }

        if (State.Status != DesignStatus.AwaitingAnswers)
        {
            return AnswerOutcome.NotAwaitingAnswers;
        }

        if (answers.Count == 0 || answers.Count > State.Questions.Count || answers.Any(a => string.IsNullOrWhiteSpace(a) || a.Length > MaxAnswerLength))
        {
            return AnswerOutcome.Invalid;
        }

        _expiryTimer?.Dispose();
        State.Answers = answers.Select(a => a.Trim()).ToList();
        State.Status = DesignStatus.Running;
        State.AnswersDueBy = null;
        await WriteAsync();
        await IndexAsync();
        Append(DesignEventType.Answered, e => e with
        {
            Status = DesignStatus.Running, Text = $"{answers.Count} answer(s) received; the design goes on.",
        });
        Launch();
        return AnswerOutcome.Accepted;
    }

    public Task WakeAsync() => Task.CompletedTask; // activation itself resumes the design

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!store.RecordExists || State.Status.IsTerminal())
        {
            await UnregisterResumeAsync();
        }
        else if (State.Status == DesignStatus.AwaitingAnswers)
        {
            await ExpireIfDueAsync();
        }
        else if (_run is null)
        {
            Resume();
        }
    }

    /// <summary>The longest answer accepted, in characters.</summary>
    public const int MaxAnswerLength = 2000;

    private bool Visible(Caller caller) => store.RecordExists && caller.CanAccess(State.Owner!);

    private DesignSummary Summary() => new(Id, State.Status, State.CreatedAt);

    private async Task UnregisterResumeAsync()
    {
        if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
