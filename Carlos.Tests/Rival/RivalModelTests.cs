using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Carlos.Contracts.Designs;
using Carlos.Grains.Agents;
using Carlos.Grains.BuiltinModel;
using Carlos.Grains.Model;
using Carlos.Grains.Terraform;
using Carlos.Grains.Workflow;
using Carlos.Testing.AzureOpenAI;
using Carlos.Tests.AzureOpenAI;
using Carlos.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Carlos.Tests.Rival;

/// <summary>What the rival asks of a language model: its instructions, its temperature and the choice's schema.</summary>
public sealed class RivalModelTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_pipeline_gives_the_two_architects_their_own_temperatures_and_none_without_the_rival()
    {
        var withRival = await ArchitectRequestsAsync(rival: true);
        var single = await ArchitectRequestsAsync(rival: false);

        Assert.Equal(0.3f, Assert.Single(withRival, r => r.Context.Candidate == DesignCandidate.Lead).Temperature);
        var rival = Assert.Single(withRival, r => r.Context.Candidate == DesignCandidate.Rival);
        Assert.Equal(0.9f, rival.Temperature);
        Assert.Contains("# You are the rival architect", rival.Instructions, StringComparison.Ordinal);
        Assert.StartsWith(AgentInstructions.For(AgentRole.Architect), rival.Instructions, StringComparison.Ordinal);
        Assert.Null(Assert.Single(single).Temperature);
    }

    [Fact]
    public async Task The_temperature_and_the_rival_instructions_reach_Azure_OpenAI()
    {
        await using var harness = await AzureModelHarness.StartAsync();
        var lead = AzureModelHarness.Marker();
        var rival = AzureModelHarness.Marker();
        var plain = AzureModelHarness.Marker();

        await harness.Agents.RunAsync(AgentRole.Architect,
            AzureModelHarness.Context(lead) with { Candidate = DesignCandidate.Lead, Temperature = 0.3f },
            _ => { }, CancellationToken.None).WaitAsync(Timeout);
        await harness.Agents.RunAsync(AgentRole.Architect,
            AzureModelHarness.Context(rival) with { Candidate = DesignCandidate.Rival, Temperature = 0.9f },
            _ => { }, CancellationToken.None).WaitAsync(Timeout);
        await harness.Agents.RunAsync(AgentRole.Architect, AzureModelHarness.Context(plain),
            _ => { }, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(0.3f, Assert.Single(harness.LedgerFor(lead)).Call!.Temperature);
        var rivalCall = Assert.Single(harness.LedgerFor(rival)).Call!;
        Assert.Equal(0.9f, rivalCall.Temperature);
        Assert.Contains("# You are the rival architect", rivalCall.System, StringComparison.Ordinal);
        Assert.Null(Assert.Single(harness.LedgerFor(plain)).Call!.Temperature);
    }

    [Fact]
    public async Task A_recommender_answer_that_cannot_be_read_still_chooses_by_rule_and_is_degraded()
    {
        await using var harness = await AzureModelHarness.StartAsync();
        var marker = AzureModelHarness.Marker();
        var design = await OfflineDesign.RunAsync("AKS cluster with a PostgreSQL database", rival: true);
        CandidateReview Review(DesignCandidate c, CandidateDesign d) =>
            new(c, d.DesignMarkdown, d.Security, d.Cost, d.Reliability, d.Validation);
        var lead = Review(DesignCandidate.Lead, new CandidateDesign
        {
            Candidate = DesignCandidate.Lead, DesignMarkdown = design.DesignMarkdown, Security = design.Security,
            Cost = design.Cost, Reliability = design.Reliability, Validation = design.Validation,
        });

        harness.Server.Inject(Fault.SchemaViolatingJson(), CarlosScript.For(marker, "recommender"), times: 2);

        var outcome = await harness.Agents.RunAsync(AgentRole.Recommender,
            AzureModelHarness.Context(marker) with
            {
                Candidates = [lead, Review(DesignCandidate.Rival, design.Rival!)],
            }, _ => { }, CancellationToken.None).WaitAsync(Timeout);

        var calls = harness.LedgerFor(marker);
        Assert.Equal(2, calls.Count); // the answer, and the one repair the agents ask for
        Assert.All(calls, c => Assert.Equal("choice_draft", c.Call!.SchemaName));
        Assert.Contains("# Lead design", calls[0].Call!.User, StringComparison.Ordinal);
        Assert.Contains("# Rival design: validation", calls[0].Call!.User, StringComparison.Ordinal);
        Assert.True(outcome.Degraded);
        Assert.NotNull(outcome.Choice);
        Assert.Contains("could not be read", outcome.Choice.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_choice_schema_passes_the_strict_mode_check_with_lead_and_rival_as_its_values()
    {
        var schema = JsonNode.Parse(StrictJsonSchema.For(DesignAgents.OutputType(AgentRole.Recommender,
            new AgentContext { Requirements = "", Settings = new(), Round = 1, Candidates = [] })!))!;

        Assert.Null(StrictSchemaCheck.Problem(schema));
        Assert.Equal(["lead", "rival"], schema["properties"]!["chosen"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Null(DesignAgents.OutputType(AgentRole.Recommender));
    }

    private static async Task<List<ModelRequest>> ArchitectRequestsAsync(bool rival)
    {
        var requests = new List<ModelRequest>();
        var model = new RecordingModel(new BuiltinChatModel(OfflineDesign.Catalog,
            Options.Create(new BuiltinModelOptions { TokensPerSecond = 10_000_000 }), TimeProvider.System), requests);
        var agents = new DesignAgents(model, new CostEstimator(OfflineDesign.Catalog), new TerraformCheck(OfflineDesign.Catalog));
        var state = new DesignWorkflowState
        {
            Request = new DesignRequest("AKS cluster with a PostgreSQL database", new DesignSettings()) { Rival = rival },
        };
        var pipeline = new DesignPipeline(state, 1, async (key, context, token) =>
        {
            var result = await agents.RunAsync(key.Role, context, _ => { }, token);
            var now = DateTimeOffset.UtcNow;
            var record = new StepRecord(new StepOutcome(key.Id, key.Agent, key.Round, now, now, result.Usage, false), result);
            state.Steps[key.Id] = record;
            return record;
        }, new RivalOptions());
        await pipeline.RunAsync(CancellationToken.None);
        return requests.Where(r => r.Role == AgentRole.Architect).ToList();
    }

    private sealed class RecordingModel(IChatModel inner, List<ModelRequest> requests) : IChatModel
    {
        public string Name => inner.Name;

        public async IAsyncEnumerable<ModelChunk> StreamAsync(
            ModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            lock (requests)
            {
                requests.Add(request);
            }

            await foreach (var chunk in inner.StreamAsync(request, cancellationToken))
            {
                yield return chunk;
            }
        }
    }
}

/// <summary>A whole design with the rival over the Azure OpenAI path, against the test server's scripted agents.</summary>
[Collection(AzureGatewayCollection.Name)]
public sealed class RivalAzureDesignTests(AzureGateway gateway)
{
    [Fact]
    public async Task A_design_with_the_rival_calls_each_role_per_design_and_takes_the_model_s_choice()
    {
        var marker = AzureModelHarness.Marker();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        using var response = await gateway.StartStreamingAsync(
            $$"""{"requirements":"App Service and PostgreSQL {{marker}}"}""", cancel.Token);
        var events = await SseClient.ReadDesignEventsAsync(response, cancel.Token);

        Assert.Equal(DesignEventType.Completed, events[^1].Type);
        Assert.DoesNotContain(events, e => e.Type == DesignEventType.Degraded);
        var calls = gateway.LedgerFor(marker);
        Assert.All(calls, c => Assert.Equal(CallOutcome.Completed, c.Outcome));
        Assert.Equal(["architect", "architect", "clarifier", "cost", "cost", "recommender", "reliability", "reliability",
                "security", "security", "terraform", "validator", "validator"],
            calls.Select(c => c.Role!).Order(StringComparer.Ordinal));
        Assert.Equal([0.3f, 0.9f], calls.Where(c => c.Role == "architect").Select(c => c.Call!.Temperature!.Value).Order());
        Assert.Equal("choice_draft", calls.Single(c => c.Role == "recommender").Call!.SchemaName);
        var choice = Assert.Single(events, e => e.Type == DesignEventType.Choice).Choice!;
        Assert.Equal(DesignCandidate.Lead, choice.Chosen);
        Assert.Equal(CarlosScript.Choice.Reasons, choice.Reasons);
        Assert.Equal(CarlosScript.Terraform, events.Single(e => e is { Type: DesignEventType.AgentCompleted, Agent: "terraform" }).Output);
    }
}
