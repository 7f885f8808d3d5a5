using Carlos.Contracts.Designs;
using Carlos.Contracts.Identity;
using Carlos.Grains.Agents;
using Carlos.Grains.Events;
using Carlos.Grains.Hosting;
using Carlos.Grains.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace Carlos.Grains.Workflow;

/// <summary>
/// Runs one design. The pipeline runs in the grain's background so that no grain call waits on a model; each
/// finished step is written to storage before the next starts, and a reminder brings the design back on another
/// silo if this one is lost.
/// </summary>
internal sealed partial class DesignWorkflowGrain(
    [PersistentState("design", StorageNames.Default)] IPersistentState<DesignWorkflowState> store,
    DesignAgents agents,
    IOptions<WorkflowOptions> options,
    TimeProvider time,
    ILogger<DesignWorkflowGrain> logger)
    : Grain, IDesignWorkflowGrain, IRemindable
{
    private const string ResumeReminder = "resume";
    private static readonly TimeSpan ResumePeriod = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private ObserverManager<IDesignObserver> _observers = null!;
    private DesignEventJournal _journal = null!;
    private CancellationTokenSource? _cancellation;
    private Task? _run;
    private bool _deactivating;

    private DesignWorkflowState State => store.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _observers = new ObserverManager<IDesignObserver>(options.Value.ObserverExpiry, logger);
        _journal = new DesignEventJournal(this.GetPrimaryKey(), GrainFactory, Publish, logger);
        if (!store.RecordExists)
        {
            return;
        }

        await _journal.RecoverAsync(State.PersistedEvents);
        if (!State.Status.IsTerminal())
        {
            Resume();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_run is { } run)
        {
            // The step in flight is abandoned, not failed: the reminder resumes the design on another activation.
            _deactivating = true;
            await _cancellation!.CancelAsync();
            await run.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Current);
        }

        await _journal.FlushAsync();
    }

    public async Task<StartOutcome?> StartAsync(Caller caller, DesignRequest request)
    {
        if (store.RecordExists)
        {
            return caller.CanAccess(State.Owner!) ? new StartOutcome(Summary(), Created: false) : null;
        }

        var now = time.GetUtcNow();
        State.Owner = caller.AsOwner();
        State.Request = request;
        State.Status = DesignStatus.Running;
        State.CreatedAt = now;
        State.Model = agents.ModelName;
        await WriteAsync();
        await this.RegisterOrUpdateReminder(ResumeReminder, ResumePeriod, ResumePeriod);

        LogStarted(logger, this.GetPrimaryKey(), caller.TenantId, request.Settings.Scenario);
        Append(new DesignEvent
        {
            Sequence = 0, Type = DesignEventType.DesignStarted, At = now, Status = DesignStatus.Running,
            DesignId = this.GetPrimaryKey(),
            Text = $"Design started with the {agents.ModelName} model.",
        });
        Launch();
        return new StartOutcome(Summary(), Created: true);
    }

    public Task<DesignSnapshot?> GetAsync(Caller caller) =>
        Task.FromResult(Visible(caller) ? DesignSnapshots.From(this.GetPrimaryKey(), State) : null);

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

        if (_run is { } run)
        {
            await _cancellation!.CancelAsync();
            await run;
        }

        if (!State.Status.IsTerminal())
        {
            await FinishAsync(DesignStatus.Cancelled, error: null);
        }

        return CancelOutcome.Cancelled;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.Status.IsTerminal() || !store.RecordExists)
        {
            await UnregisterResumeAsync();
        }
        else if (_run is null)
        {
            Resume();
        }
    }

    private bool Visible(Caller caller) => store.RecordExists && caller.CanAccess(State.Owner!);

    private DesignSummary Summary() => new(this.GetPrimaryKey(), State.Status, State.CreatedAt);

    private void Resume()
    {
        foreach (var step in State.ActiveSteps.Where(s => !State.Steps.ContainsKey(s)).Order(StringComparer.Ordinal))
        {
            Append(new DesignEvent
            {
                Sequence = 0, Type = DesignEventType.StepRestarted, At = time.GetUtcNow(), Step = step,
                Agent = step.Split('.')[0], Text = "The step was interrupted and runs again from its start.",
            });
        }

        LogResumed(logger, this.GetPrimaryKey(), State.Steps.Count);
        Launch();
    }

    private void Launch()
    {
        _cancellation = new CancellationTokenSource();
        _run = RunAsync(_cancellation.Token);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var pipeline = new DesignPipeline(State, options.Value.RevisionRounds, RunStepAsync);
        try
        {
            var outcome = await pipeline.RunAsync(cancellationToken);
            await FinishAsync(outcome, error: null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (!_deactivating)
            {
                await FinishAsync(DesignStatus.Cancelled, error: null);
            }
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, this.GetPrimaryKey());
            await FinishAsync(DesignStatus.Failed, "The design could not be completed because of an internal error.");
        }
        finally
        {
            _run = null;
        }
    }

    private async Task<StepRecord> RunStepAsync(
        AgentRole role, int round, AgentContext context, CancellationToken cancellationToken)
    {
        var step = DesignPipeline.StepId(role, round);
        var agent = Contracts.Serialization.CarlosJson.WireName(role);
        var started = time.GetUtcNow();
        State.ActiveSteps.Add(step);
        await WriteAsync();
        Append(new DesignEvent
        {
            Sequence = 0, Type = DesignEventType.AgentStarted, At = started, Agent = agent, Step = step, Round = round,
        });

        var tokens = new TokenBatcher(time, options.Value.TokenBatchInterval, text => Append(new DesignEvent
        {
            Sequence = 0, Type = DesignEventType.Token, At = time.GetUtcNow(), Agent = agent, Step = step, Text = text,
        }));
        var result = await agents.RunAsync(role, context, tokens.Add, cancellationToken);
        tokens.Flush();

        var outcome = new StepOutcome(step, agent, round, started, time.GetUtcNow(), result.Usage, result.Degraded);
        var record = new StepRecord(outcome, result);
        State.Steps[step] = record;
        State.ActiveSteps.Remove(step);
        State.Usage = State.Usage.Add(result.Usage);
        await WriteAsync();

        Append(new DesignEvent
        {
            Sequence = 0, Type = DesignEventType.AgentCompleted, At = outcome.CompletedAt, Agent = agent, Step = step,
            Round = round, Output = result.Text,
        });
        if (result.Degraded)
        {
            Append(new DesignEvent
            {
                Sequence = 0, Type = DesignEventType.Degraded, At = outcome.CompletedAt, Agent = agent, Step = step,
                Text = $"The {agent} answer was kept as text: {result.DegradedReason}",
            });
        }

        if (result.TerraformCheck is { } check)
        {
            var errors = check.Findings.Count(f => f.Level == Contracts.Reports.TerraformFindingLevel.Error);
            LogTerraformChecked(logger, errors > 0 ? LogLevel.Warning : LogLevel.Information, this.GetPrimaryKey(),
                step, check.Result, errors, check.Findings.Count - errors);
            Append(new DesignEvent
            {
                Sequence = 0, Type = DesignEventType.TerraformCheck, At = outcome.CompletedAt, Agent = agent,
                Step = step, Round = round, TerraformCheck = check, Text = check.Summary,
            });
        }

        if (result.Validation is { } verdict)
        {
            Append(new DesignEvent
            {
                Sequence = 0, Type = DesignEventType.Validation, At = outcome.CompletedAt, Agent = agent, Step = step,
                Round = round, Validation = verdict, Text = verdict.Summary,
            });
        }

        return record;
    }

    private async Task FinishAsync(DesignStatus status, string? error)
    {
        var now = time.GetUtcNow();
        State.Status = status;
        State.Error = error;
        State.CompletedAt = now;
        State.ActiveSteps.Clear();
        await WriteAsync();

        Append(new DesignEvent
        {
            Sequence = 0, Type = TerminalEvent(status), At = now, Status = status,
            Text = error ?? $"The design ended {Contracts.Serialization.CarlosJson.WireName(status)}.",
        });
        await _journal.FlushAsync();
        await UnregisterResumeAsync();
        LogFinished(logger, this.GetPrimaryKey(), status, State.Usage.TotalTokens);
    }

    private static DesignEventType TerminalEvent(DesignStatus status) => status switch
    {
        DesignStatus.Completed => DesignEventType.Completed,
        DesignStatus.RevisionRequired => DesignEventType.RevisionRequired,
        DesignStatus.Cancelled => DesignEventType.Cancelled,
        DesignStatus.Expired => DesignEventType.Expired,
        _ => DesignEventType.Failed,
    };

    private async Task UnregisterResumeAsync()
    {
        if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void Append(DesignEvent draft) => _journal.Append(draft);

    private void Publish(IReadOnlyList<DesignEvent> events) => _observers.Notify(o => o.OnEventsAsync(events));

    private async Task WriteAsync()
    {
        await _writeLock.WaitAsync();
        try
        {
            State.UpdatedAt = time.GetUtcNow();
            State.PersistedEvents = _journal.PersistedSequence;
            await store.WriteStateAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
