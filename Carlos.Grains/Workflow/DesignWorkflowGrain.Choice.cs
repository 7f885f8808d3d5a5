using Carlos.Contracts.Designs;
using Carlos.Contracts.Identity;
using Carlos.Contracts.Serialization;
using Carlos.Grains.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Carlos.Grains.Workflow;

/// <summary>
/// Overruling the choice between the lead and rival designs. The overrule is written to the event log first (a
/// <c>choice</c> event that moves the design back to <c>running</c>), then to the state; the pipeline then runs
/// again, finds every earlier step recorded, and runs only the Terraform steps of the design chosen. If the silo is
/// lost between the event and the state, the next activation takes the overrule from the event.
/// </summary>
internal sealed partial class DesignWorkflowGrain
{
    private RivalOptions RivalSettings => ServiceProvider.GetService<IOptions<RivalOptions>>()?.Value ?? new();

    public async Task<ChooseOutcome> ChooseAsync(Caller caller, DesignCandidate design)
    {
        if (!Visible(caller))
        {
            return new(ChooseStatus.NotFound);
        }

        if (!State.Status.IsTerminal())
        {
            return new(ChooseStatus.StillRunning);
        }

        if (State.Status != DesignStatus.Completed || CurrentChoice() is not { } choice)
        {
            return new(ChooseStatus.NoChoice);
        }

        if (choice.Chosen == design)
        {
            return new(ChooseStatus.AlreadyChosen);
        }

        if (!Passed(design))
        {
            return new(ChooseStatus.NotValid);
        }

        var overruled = choice with { Chosen = design, Overruled = design != choice.Recommended };
        await this.RegisterOrUpdateReminder(ResumeReminder, ResumePeriod, ResumePeriod);
        Append(DesignEventType.Choice, e => e with
        {
            Agent = "user", Status = DesignStatus.Running, Choice = overruled,
            Text = $"The {CarlosJson.WireName(design)} design was chosen; its Terraform is generated again.",
        });
        await _journal.FlushAsync();
        var after = _journal.PersistedSequence - 1;

        Reopen(design);
        await WriteAsync();
        LogOverruled(logger, Id, design);
        Launch();
        return new(ChooseStatus.Accepted, after);
    }

    /// <summary>The choice as it stands: the recommender's, with a user's overrule applied.</summary>
    private DesignChoice? CurrentChoice()
    {
        var step = new StepKey(AgentRole.Recommender, 1, StepKey.ChoiceScope).Id;
        return State.Steps.TryGetValue(step, out var record) && record.Result.Choice is { } recommended
            ? RivalSnapshots.Apply(recommended, State.ChosenDesign)
            : null;
    }

    private bool Passed(DesignCandidate design) => State.Steps.Values
        .Where(r => r.Outcome.Candidate == design && r.Result.Validation is not null)
        .MaxBy(r => r.Outcome.Round)?.Result.Validation!.ValidationPassed == true;

    private void Reopen(DesignCandidate design)
    {
        State.ChosenDesign = design;
        State.Status = DesignStatus.Running;
        State.Error = null;
        State.CompletedAt = null;
    }

    /// <summary>An overrule stored in the log but not yet in the state (the silo was lost between them) is redone.</summary>
    private async Task RecoverOverruleAsync(DesignEvent? last)
    {
        if (last is { Type: DesignEventType.Choice, Status: DesignStatus.Running, Choice: { } choice }
            && State.Status.IsTerminal() && State.ChosenDesign != choice.Chosen)
        {
            Reopen(choice.Chosen);
            await WriteAsync();
        }
    }

    private static string ChoiceText(DesignChoice choice) =>
        $"The recommender chose the {CarlosJson.WireName(choice.Chosen)} design: {choice.Reasons.FirstOrDefault()}";

    // 2060-2069: the rival design and its choice.
    [LoggerMessage(EventId = 2061, Level = LogLevel.Information,
        Message = "Design {DesignId}: a user chose the {Design} design; its Terraform is generated again")]
    private static partial void LogOverruled(ILogger logger, Guid designId, DesignCandidate design);
}
