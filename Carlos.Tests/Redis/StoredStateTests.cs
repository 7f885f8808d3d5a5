using Carlos.Contracts.Designs;
using Carlos.Contracts.Identity;
using Carlos.Grains.Hosting;
using Carlos.Grains.Workflow;
using Carlos.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Carlos.Tests.Redis;

public sealed class StoredStateTests(RedisServer redis) : IClassFixture<RedisServer>
{
    /// <summary>A design's state as the first stored version wrote it: no model, usage, active steps or timestamps.</summary>
    private const string FirstVersionState = """
        {
          "owner": { "tenantId": "acme", "userId": "alice" },
          "request": { "requirements": "AKS with PostgreSQL", "settings": { "scenario": "custom", "costPerformance": "balanced" } },
          "status": "completed",
          "steps": {},
          "persistedEvents": 12,
          "someFieldFromTheFuture": { "nested": [1, 2, 3] }
        }
        """;

    [Fact]
    public void State_written_by_an_older_version_reads_with_defaults_for_the_fields_added_since()
    {
        var state = GrainStateJson.Serializer().Deserialize<DesignWorkflowState>(BinaryData.FromString(FirstVersionState))!;

        Assert.Equal(new ResourceOwner("acme", "alice"), state.Owner);
        Assert.Equal(DesignStatus.Completed, state.Status);
        Assert.Equal(12, state.PersistedEvents);
        Assert.Equal(ComplianceLevel.Standard, state.Request!.Settings.Compliance);
        Assert.Equal("", state.Model);
        Assert.Empty(state.ActiveSteps);
    }

    [Fact]
    public void Stored_state_names_no_types_so_a_rename_cannot_break_it()
    {
        var state = new DesignWorkflowState { Owner = new ResourceOwner("acme", "alice"), Status = DesignStatus.Running };

        var json = GrainStateJson.Serializer().Serialize(state).ToString();

        Assert.DoesNotContain("$type", json, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(DesignWorkflowState), json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"running\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_design_stored_in_redis_reads_back_whole_from_a_new_silo()
    {
        await using var cluster = new MultiProcessCluster(redis);
        var silo = await cluster.StartSiloAsync();
        var caller = new Caller("acme", "alice");
        var id = Guid.NewGuid();
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IDesignWorkflowGrain>(id).StartAsync(caller, new DesignRequest("AKS with PostgreSQL", new DesignSettings()));
        DesignSnapshot? before;
        do
        {
            before = await grains.GetGrain<IDesignWorkflowGrain>(id).GetAsync(caller);
        }
        while (!before!.Status.IsTerminal() && await Task.Delay(50).ContinueWith(_ => true));

        var eventsBefore = await grains.GetGrain<IDesignWorkflowGrain>(id).GetEventsAsync(caller, 0, 1000);
        await cluster.StopAsync(silo);
        var next = await cluster.StartSiloAsync();
        var after = next.Services.GetRequiredService<IGrainFactory>().GetGrain<IDesignWorkflowGrain>(id);

        var snapshot = await after.GetAsync(caller);
        var eventsAfter = await after.GetEventsAsync(caller, 0, 1000);
        Assert.Equal(DesignStatus.Completed, snapshot!.Status);
        Assert.Equal(before.Terraform, snapshot.Terraform);
        Assert.Equal(before.Steps.Count, snapshot.Steps.Count);
        Assert.Equal(eventsBefore!.Events.Select(e => (e.Sequence, e.Type, e.Text)), eventsAfter!.Events.Select(e => (e.Sequence, e.Type, e.Text)));

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var keys = connection.GetServer(connection.GetEndPoints()[0]).Keys(pattern: "*carlos.design*").ToList();
        Assert.NotEmpty(keys);
    }
}
