using Carlos.Contracts.Designs;
using Carlos.Contracts.Identity;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Workflow;

[Collection(ClusterCollection.Name)]
public sealed class QuestionTests(TestClusterFixture fixture)
{
    private static Caller NewCaller() => new($"tenant-{Guid.NewGuid():N}", "alice");

    private async Task<DesignSnapshot> WaitForAsync(IDesignWorkflowGrain grain, Caller caller, Func<DesignSnapshot, bool> done)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var sink = new DesignEventSink();
        await grain.SubscribeAsync(caller, fixture.Grains.CreateObjectReference<IDesignObserver>(sink));
        while (true)
        {
            var snapshot = (await grain.GetAsync(caller))!;
            if (done(snapshot))
            {
                return snapshot;
            }

            await sink.WaitAsync(cancel.Token);
        }
    }

    [Fact]
    public async Task Vague_requirements_get_questions_and_wait_until_answers_refine_them()
    {
        var caller = NewCaller();
        var grain = fixture.Grains.GetGrain<IDesignWorkflowGrain>(Guid.NewGuid());
        await grain.StartAsync(caller, new DesignRequest("Build us something great for our customers", new DesignSettings()));

        var waiting = await WaitForAsync(grain, caller, d => d.Status == DesignStatus.AwaitingAnswers);
        Assert.InRange(waiting.Questions.Count, 1, 5);
        Assert.Null(waiting.DesignMarkdown);
        var events = (await grain.GetEventsAsync(caller, 0, 1000))!.Events;
        Assert.Equal(waiting.Questions, events.Single(e => e.Type == DesignEventType.Question).Questions);

        var outcome = await grain.AnswerAsync(caller, ["An online shop for the public", "A managed web platform",
            "Orders in a relational database with Azure SQL", "A thousand users at peak", "West Europe, GDPR, 800 USD"]);
        var done = await WaitForAsync(grain, caller, d => d.Status.IsTerminal());

        Assert.Equal(AnswerOutcome.Accepted, outcome);
        Assert.Equal(DesignStatus.Completed, done.Status);
        Assert.Contains("azurerm_mssql_server", done.Terraform, StringComparison.Ordinal);
        Assert.Contains("Clarifications from the user", done.DesignMarkdown, StringComparison.Ordinal);
        Assert.Equal(5, done.Answers.Count);
    }

    [Fact]
    public async Task Unanswered_questions_end_the_design_expired()
    {
        var caller = NewCaller();
        var grain = fixture.Grains.GetGrain<IDesignWorkflowGrain>(Guid.NewGuid());
        await grain.StartAsync(caller, new DesignRequest("Something nice", new DesignSettings()));

        var ended = await WaitForAsync(grain, caller, d => d.Status.IsTerminal());

        Assert.Equal(DesignStatus.Expired, ended.Status);
        Assert.Equal(DesignEventType.Expired, (await grain.GetEventsAsync(caller, 0, 1000))!.Events[^1].Type);
        Assert.Equal(AnswerOutcome.NotAwaitingAnswers, await grain.AnswerAsync(caller, ["too late"]));
    }

    [Fact]
    public async Task A_request_that_opts_out_of_questions_is_designed_as_it_stands()
    {
        var caller = NewCaller();
        var grain = fixture.Grains.GetGrain<IDesignWorkflowGrain>(Guid.NewGuid());
        await grain.StartAsync(caller, new DesignRequest("Something nice", new DesignSettings()) { AllowQuestions = false });

        var done = await WaitForAsync(grain, caller, d => d.Status.IsTerminal());

        Assert.Equal(DesignStatus.Completed, done.Status);
        Assert.Empty(done.Questions);
        Assert.DoesNotContain(done.Steps, s => s.Agent == "clarifier");
    }

    [Fact]
    public async Task Invalid_answers_are_refused_and_the_design_keeps_waiting()
    {
        var caller = NewCaller();
        var grain = fixture.Grains.GetGrain<IDesignWorkflowGrain>(Guid.NewGuid());
        await grain.StartAsync(caller, new DesignRequest("Make it good", new DesignSettings()));
        var waiting = await WaitForAsync(grain, caller, d => d.Status == DesignStatus.AwaitingAnswers);

        Assert.Equal(AnswerOutcome.Invalid, await grain.AnswerAsync(caller, []));
        Assert.Equal(AnswerOutcome.Invalid, await grain.AnswerAsync(caller, Enumerable.Repeat("x", waiting.Questions.Count + 1).ToList()));
        Assert.Equal(AnswerOutcome.Invalid, await grain.AnswerAsync(caller, ["  "]));
        Assert.Equal(AnswerOutcome.NotFound, await grain.AnswerAsync(NewCaller(), ["hello"]));
        Assert.Equal(DesignStatus.AwaitingAnswers, (await grain.GetAsync(caller))!.Status);
    }
}
