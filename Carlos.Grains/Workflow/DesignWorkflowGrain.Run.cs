using Carlos.Contracts.Designs;
using Carlos.Contracts.Serialization;
using Carlos.Grains.Agents;
using Carlos.Grains.Model;
using Microsoft.Extensions.Logging;
using Carlos.Telemetry;

namespace Carlos.Grains.Workflow;

/// <summary>The running part of a design: its pipeline, its steps, and how it ends.</summary>
internal sealed partial class DesignWorkflowGrain
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LastRetryDelay = TimeSpan.FromSeconds(5);

    private CancellationTokenSource? _cancellation;
    private Task? _run;
    private bool _abandoning;

    private void Resume()
    {
        foreach (var step in State.ActiveSteps.Where(s => !State.Steps.ContainsKey(s)).Order(StringComparer.Ordinal))
        {
            Append(DesignEventType.StepRestarted, e => e with
            {
                Step = step, Agent = AgentOf(step), Text = "The step was interrupted and runs again from its start.",
            });
        }

        LogResumed(logger, Id, State.Steps.Count);
        Launch();
    }

    private void Launch()
    {
        _cancellation = new CancellationTokenSource();
        _run = RunAsync(_cancellation.Token);
    }

    /// <summary>Stops the pipeline for good (a cancel): the run ends the design as cancelled.</summary>
    private async Task StopRunAsync()
    {
        if (_run is { } run)
        {
            await _cancellation!.CancelAsync();
            await run;
        }
    }

    /// <summary>Stops the pipeline without ending the design: its step in flight will run again elsewhere.</summary>
    private async Task AbandonRunAsync(CancellationToken cancellationToken)
    {
        if (_run is { } run)
        {
            _abandoning = true;
            await _cancellation!.CancelAsync();
            await run.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Current);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        CarlosMetrics.DesignsRunning.Add(1);
        try
        {
            using (await slots.EnterAsync(OnQueued, cancellationToken))
            {
                if (State.Status == DesignStatus.Queued)
                {
                    State.Status = DesignStatus.Running;
                    await PersistAsync();
                    await IndexAsync();
                }

                var pipeline = new DesignPipeline(State, options.Value.RevisionRounds, RunStepAsync, RivalSettings);
                var outcome = await pipeline.RunAsync(cancellationToken);
                if (outcome == DesignStatus.AwaitingAnswers)
                {
                    await AwaitAnswersAsync();
                }
                else
                {
                    await FinishAsync(outcome, error: null);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (!_abandoning)
            {
                await FinishAsync(DesignStatus.Cancelled, error: null);
            }
        }
        catch (ModelUnavailableException unavailable)
        {
            LogFailed(logger, unavailable, Id);
            await FinishAsync(DesignStatus.Failed, unavailable.Message);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, Id);
            await FinishAsync(DesignStatus.Failed, "The design could not be completed because of an internal error.");
        }
        finally
        {
            _run = null;
            CarlosMetrics.DesignsRunning.Add(-1);
        }
    }

    /// <summary>Called by the silo's slots, from any thread, while the design waits for one.</summary>
    private void OnQueued(int position) =>
        Task.Factory.StartNew(() =>
        {
            if (_run is null || State.Status.IsTerminal())
            {
                return;
            }

            State.Status = DesignStatus.Queued;
            Append(DesignEventType.Queued, e => e with
            {
                Status = DesignStatus.Queued, Position = position, Reason = "workflow_slots",
                Text = $"Waiting for a free workflow slot: position {position}.",
            });
            IndexAsync().Ignore();
        }, CancellationToken.None, TaskCreationOptions.None, _scheduler).Ignore();

    /// <summary>The agent of a recorded step id: <c>security</c> of <c>security.lead.2</c>, a custom agent's full name.</summary>
    private static string AgentOf(string step) => CustomReviewStep.IsCustomAgent(step)
        ? string.Join('.', step.Split('.').Take(2))
        : step.Split('.')[0];

    private async Task<StepRecord> RunStepAsync(StepKey key, AgentContext context, CancellationToken cancellationToken)
    {
        var (role, round, step, agent, candidate) = (key.Role, key.Round, key.Id, key.Agent, key.Candidate);
        var started = time.GetUtcNow();
        using var span = CarlosTracing.StartStep(Id, step, agent);
        State.ActiveSteps.Add(step);
        await PersistAsync();
        Append(DesignEventType.AgentStarted, e => e with
        {
            Agent = agent, Step = step, Round = round, Candidate = candidate,
        });

        var tokens = new TokenBatcher(time, options.Value.TokenBatchInterval,
            text => Append(DesignEventType.Token, e => e with { Agent = agent, Step = step, Text = text }));
        void Restarted(string reason)
        {
            tokens.Flush();
            Append(DesignEventType.StepRestarted, e => e with
            {
                Agent = agent, Step = step, Text = $"The answer starts again: {reason}.",
            });
        }

        AgentOutcome result;
        using (ModelCallScope.Enter(BudgetScope(agent, step)))
        {
            result = await agents.RunAsync(role, context, tokens.Add, Restarted, cancellationToken);
        }

        tokens.Flush();

        var outcome = new StepOutcome(step, agent, round, started, time.GetUtcNow(), result.Usage, result.Degraded)
        {
            Candidate = candidate,
        };
        var record = new StepRecord(outcome, result);
        State.Steps[step] = record;
        State.ActiveSteps.Remove(step);
        State.Usage = State.Usage.Add(result.Usage);
        await PersistAsync();
        await RecordTenantUsageAsync(result.Usage);
        CarlosMetrics.StepFinished(agent, outcome.CompletedAt - started);

        Append(DesignEventType.AgentCompleted, e => e with
        {
            Agent = agent, Step = step, Round = round, Output = result.Text, Candidate = candidate,
        });
        if (result.Degraded)
        {
            Append(DesignEventType.Degraded, e => e with
            {
                Agent = agent, Step = step, Text = $"The {agent} step is degraded: {result.DegradedReason}",
            });
        }

        if (result.TerraformCheck is { } check)
        {
            var errors = check.Findings.Count(f => f.Level == Contracts.Reports.TerraformFindingLevel.Error);
            LogTerraformChecked(logger, errors > 0 ? LogLevel.Warning : LogLevel.Information, Id,
                step, check.Result, errors, check.Findings.Count - errors);
        }

        AppendVerdicts(outcome, result);
        return record;
    }

    /// <summary>
    /// The events a finished step's answer carries besides its text: the Terraform check's, the validator's and the
    /// recommender's choice. A run emits them when the step ends; a cache hit replays them.
    /// </summary>
    private void AppendVerdicts(StepOutcome outcome, AgentOutcome result)
    {
        var (agent, step, round, candidate) = (outcome.Agent, outcome.Step, outcome.Round, outcome.Candidate);
        if (result.TerraformCheck is { } check)
        {
            Append(DesignEventType.TerraformCheck, e => e with
            {
                Agent = agent, Step = step, Round = round, TerraformCheck = check, Text = check.Summary,
                Candidate = candidate,
            });
        }

        if (result.Validation is { } verdict)
        {
            Append(DesignEventType.Validation, e => e with
            {
                Agent = agent, Step = step, Round = round, Validation = verdict, Text = verdict.Summary,
                Candidate = candidate,
            });
        }

        if (result.Choice is { } choice)
        {
            Append(DesignEventType.Choice, e => e with
            {
                Agent = agent, Step = step, Choice = choice, Text = ChoiceText(choice),
            });
        }
    }

    /// <summary>
    /// Adds a step's tokens to the tenant's totals. The design's own record is already stored; a failure here costs
    /// the tenant view those tokens, which is logged rather than failing the design.
    /// </summary>
    private async Task RecordTenantUsageAsync(Contracts.Reports.TokenUsage usage)
    {
        if (usage.TotalTokens == 0)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<Contracts.Usage.ITenantUsageGrain>(State.Owner!.TenantId).AddAsync(usage);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUsageNotRecorded(logger, ex, Id, usage.TotalTokens);
        }
    }

    private async Task AwaitAnswersAsync()
    {
        var questions = State.Steps[DesignPipeline.StepId(AgentRole.Clarifier, 1)].Result.Clarification!.Questions;
        Append(DesignEventType.Question, e => e with
        {
            Status = DesignStatus.AwaitingAnswers, Questions = questions,
            Text = "The requirements are too vague to design from; answer these questions to go on.",
        });
        State.Questions = questions.ToList();
        State.Status = DesignStatus.AwaitingAnswers;
        State.AnswersDueBy = time.GetUtcNow() + options.Value.QuestionTimeout;
        await PersistAsync();
        await IndexAsync();
        ScheduleExpiry();
    }

    /// <summary>A timer ends an unanswered design on time; the reminder does it if this activation is lost.</summary>
    private void ScheduleExpiry()
    {
        var due = State.AnswersDueBy!.Value - time.GetUtcNow();
        _expiryTimer?.Dispose();
        _expiryTimer = this.RegisterGrainTimer(ExpireIfDueAsync,
            new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan));
    }

    private async Task ExpireIfDueAsync()
    {
        if (State.Status != DesignStatus.AwaitingAnswers)
        {
            return;
        }

        if (State.AnswersDueBy <= time.GetUtcNow())
        {
            await FinishAsync(DesignStatus.Expired, "No answers arrived in time.");
        }
        else
        {
            ScheduleExpiry(); // a timer may fire a little early
        }
    }

    /// <summary>
    /// Ends the design. The terminal event is appended before the status changes, so that whoever sees the new status
    /// also finds the event (reads wait for the journal); if the silo dies between storing the event and the state, the
    /// next activation takes the status from the stored event.
    /// </summary>
    private async Task FinishAsync(DesignStatus status, string? error)
    {
        await OfferToCacheAsync(status);
        Append(TerminalEvent(status), e => e with
        {
            Status = status, Text = error ?? $"The design ended {CarlosJson.WireName(status)}.",
        });
        State.Status = status;
        State.Error = error;
        State.CompletedAt = time.GetUtcNow();
        State.ActiveSteps.Clear();
        State.AnswersDueBy = null;
        await PersistAsync();
        await _journal.FlushAsync();
        await UnregisterResumeAsync();
        await IndexAsync();
        LogFinished(logger, Id, status, State.Usage.TotalTokens);
        CarlosMetrics.DesignFinished(CarlosJson.WireName(status));
    }

    private static DesignEventType TerminalEvent(DesignStatus status) => status switch
    {
        DesignStatus.Completed => DesignEventType.Completed,
        DesignStatus.RevisionRequired => DesignEventType.RevisionRequired,
        DesignStatus.Cancelled => DesignEventType.Cancelled,
        DesignStatus.Expired => DesignEventType.Expired,
        _ => DesignEventType.Failed,
    };

    private void Append(DesignEventType type, Func<DesignEvent, DesignEvent> fill) =>
        _journal.Append(fill(new DesignEvent { Sequence = 0, Type = type, At = time.GetUtcNow() }));

    private void Publish(IReadOnlyList<DesignEvent> events) => _observers.Notify(o => o.OnEventsAsync(events));

    /// <summary>Writes the state, for grain calls: a storage outage surfaces to the caller.</summary>
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

    /// <summary>
    /// Writes the state, for the pipeline: a storage outage pauses the design, retrying with backoff until storage
    /// answers again or this activation goes away; nothing is lost.
    /// </summary>
    private async Task PersistAsync()
    {
        var delay = FirstRetryDelay;
        while (true)
        {
            try
            {
                await WriteAsync();
                return;
            }
            catch (Orleans.Storage.InconsistentStateException) when (!_lifetime.IsCancellationRequested)
            {
                // A write that timed out during an outage may have landed after all, moving the stored ETag on.
                // This activation holds the newest state, so take the stored ETag and write ours over it.
                var mine = store.State;
                await store.ReadStateAsync();
                store.State = mine;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !_lifetime.IsCancellationRequested)
            {
                LogStorageRetry(logger, ex, Id, delay);
                await Task.Delay(delay, time, _lifetime.Token);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LastRetryDelay.Ticks));
            }
        }
    }
}
