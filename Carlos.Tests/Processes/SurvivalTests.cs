using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Serialization;
using Carlos.Grains.Workflow;
using Carlos.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Carlos.Tests.Processes;

/// <summary>Designs on a real multi-process cluster (deploy/local-cluster.sh) that lose a silo or their Redis.</summary>
public sealed class SurvivalTests(ITestOutputHelper output)
{
    // The single pipeline, whose steps these tests wait for by name; Rival/RivalRestartTests covers the rival.
    private const string Requirements =
        """{"requirements":"AKS cluster with a PostgreSQL database and a Redis cache","rival":false}""";

    [Fact]
    public async Task Designs_on_a_killed_silo_resume_elsewhere_and_a_reconnecting_stream_gets_every_event_once()
    {
        await using var cluster = new LocalCluster(tokensPerSecond: 120);
        await cluster.UpAsync();
        using var http = cluster.Client();
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await StartAsync(http));
        }

        await WaitUntilAsync(async () => (await EventsAsync(http, ids[0])).Any(e => e.Step == "architect.1"), 60);
        var placement = await SilosOfAsync(cluster, ids);
        var victim = placement[ids[0]];
        var onVictim = ids.Where(id => placement[id] == victim).ToList();

        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var streamed = await ReadSomeAsync(http, ids[0], lastEventId: null, count: 5, cancel.Token);
        var killedAt = Stopwatch.StartNew();
        cluster.Kill(victim);

        var resumedAfter = TimeSpan.Zero;
        HttpResponseMessage reconnect;
        while ((reconnect = await OpenAsync(http, ids[0], streamed[^1].Sequence, cancel.Token)).StatusCode != HttpStatusCode.OK)
        {
            // While the silo is not yet declared dead the gateway may answer 503; a client retries.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, reconnect.StatusCode);
            reconnect.Dispose();
            await Task.Delay(500, cancel.Token);
        }

        using (var resumed = reconnect)
        {
            await foreach (var message in SseClient.ReadAsync(resumed, cancel.Token))
            {
                if (message.Data is null)
                {
                    continue;
                }

                var e = message.Parse();
                if (resumedAfter == TimeSpan.Zero && e.Type is DesignEventType.StepRestarted or DesignEventType.AgentStarted)
                {
                    resumedAfter = killedAt.Elapsed;
                }

                streamed.Add(e);
                if (e.IsTerminal)
                {
                    break;
                }
            }
        }

        output.WriteLine($"designs on the killed silo: {onVictim.Count} of {ids.Count}; first resumed {resumedAfter.TotalSeconds:0.0} s after SIGKILL");
        Assert.Equal(Enumerable.Range(1, streamed.Count).Select(i => (long)i), streamed.Select(e => e.Sequence));
        Assert.Equal(DesignEventType.Completed, streamed[^1].Type);
        Assert.InRange(resumedAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(90));
        var restartedOnVictim = 0;
        foreach (var id in ids)
        {
            await WaitUntilAsync(async () => (await DesignAsync(http, id)).Status.IsTerminal(), 180);
            var events = await EventsAsync(http, id);
            Assert.Equal(DesignStatus.Completed, (await DesignAsync(http, id)).Status);
            var finished = events.Where(e => e.Type == DesignEventType.AgentCompleted).Select(e => e.Step).ToList();
            Assert.Equal(finished.Distinct().Count(), finished.Count);
            AssertEveryRerunIsMarked(events);

            // A design killed between two steps resumes with the next one and has nothing to mark; one killed
            // mid-step says so. A survivor's design may restart too when its directory entry lived on the killed
            // silo and a call re-activated it, which the stored state makes harmless.
            restartedOnVictim += onVictim.Contains(id) && events.Any(e => e.Type == DesignEventType.StepRestarted) ? 1 : 0;
        }

        Assert.True(restartedOnVictim > 0, $"none of the {onVictim.Count} designs on the killed silo restarted a step");
    }

    /// <summary>A step that started again before it completed has a <c>step_restarted</c> between its two starts.</summary>
    private static void AssertEveryRerunIsMarked(IReadOnlyList<DesignEvent> events)
    {
        var open = new Dictionary<string, bool>(); // started and not completed: whether a restart was marked since
        foreach (var e in events.Where(e => e.Step is not null))
        {
            switch (e.Type)
            {
                case DesignEventType.AgentStarted:
                    Assert.True(!open.TryGetValue(e.Step!, out var marked) || marked,
                        $"step {e.Step} started again (event {e.Sequence}) without a step_restarted");
                    open[e.Step!] = false;
                    break;
                case DesignEventType.StepRestarted when open.ContainsKey(e.Step!):
                    open[e.Step!] = true;
                    break;
                case DesignEventType.AgentCompleted:
                    open.Remove(e.Step!);
                    break;
            }
        }
    }

    [Fact]
    public async Task A_redis_restart_mid_design_answers_503_meanwhile_and_loses_nothing()
    {
        await using var cluster = new LocalCluster(tokensPerSecond: 150);
        await cluster.UpAsync();
        using var http = cluster.Client();
        var id = await StartAsync(http);
        await WaitUntilAsync(async () => (await EventsAsync(http, id)).Any(e => e.Step == "architect.1"), 60);

        using (var kill = Process.Start("kill", ["-TERM", cluster.Pids["redis"].ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        HttpStatusCode during;
        do
        {
            using var refused = await http.PostAsync("/v1/designs", GatewayServer.Json(Requirements));
            during = refused.StatusCode;
            Assert.NotEqual(HttpStatusCode.InternalServerError, during);
        }
        while (during == HttpStatusCode.Accepted);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during);
        await cluster.StartRedisAsync();
        await WaitUntilAsync(async () => (await DesignAsync(http, id)).Status.IsTerminal(), 180);

        var events = await EventsAsync(http, id);
        Assert.Equal(DesignStatus.Completed, (await DesignAsync(http, id)).Status);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        var finished = events.Where(e => e.Type == DesignEventType.AgentCompleted).Select(e => e.Step).ToList();
        Assert.Equal(finished.Distinct().Count(), finished.Count);
        HttpStatusCode after;
        do
        {
            // The first requests after the outage may still get 503 while grains reload their state.
            using var retry = await http.PostAsync("/v1/designs", GatewayServer.Json(Requirements));
            after = retry.StatusCode;
            Assert.NotEqual(HttpStatusCode.InternalServerError, after);
        }
        while (after == HttpStatusCode.ServiceUnavailable && await Task.Delay(500).ContinueWith(_ => true));

        Assert.Equal(HttpStatusCode.Accepted, after);
    }

    private static async Task<Guid> StartAsync(HttpClient http)
    {
        using var response = await http.PostAsync("/v1/designs", GatewayServer.Json(Requirements));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The design; a 503 (its silo lost and not yet declared dead, or Redis away) is retried, as a client would.</summary>
    private static async Task<DesignSnapshot> DesignAsync(HttpClient http, Guid id)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            using var response = await http.GetAsync($"/v1/designs/{id}");
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadFromJsonAsync<DesignSnapshot>(CarlosJson.Options))!;
            }

            await Task.Delay(500);
        }
    }

    /// <summary>The stored log as a late subscriber gets it: replay up to now, for a finished or a running design.</summary>
    private static async Task<List<DesignEvent>> EventsAsync(HttpClient http, Guid id)
    {
        var design = await DesignAsync(http, id);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(design.Status.IsTerminal() ? 30 : 2));
        var events = new List<DesignEvent>();
        try
        {
            using var response = await OpenAsync(http, id, null, cancel.Token);
            await foreach (var message in SseClient.ReadAsync(response, cancel.Token))
            {
                if (message.Data is not null)
                {
                    events.Add(message.Parse());
                    if (events[^1].IsTerminal)
                    {
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // A running design's stream stays open; what arrived so far is the answer.
        }

        return events;
    }

    private static async Task<HttpResponseMessage> OpenAsync(HttpClient http, Guid id, long? lastEventId, CancellationToken token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/designs/{id}/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is { } last)
        {
            request.Headers.Add("Last-Event-ID", last.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
    }

    private static async Task<List<DesignEvent>> ReadSomeAsync(HttpClient http, Guid id, long? lastEventId, int count, CancellationToken token)
    {
        var events = new List<DesignEvent>();
        using var response = await OpenAsync(http, id, lastEventId, token);
        await foreach (var message in SseClient.ReadAsync(response, token))
        {
            if (message.Data is not null)
            {
                events.Add(message.Parse());
                if (events.Count >= count)
                {
                    break;
                }
            }
        }

        return events;
    }

    private static async Task<Dictionary<Guid, string>> SilosOfAsync(LocalCluster cluster, IReadOnlyList<Guid> ids)
    {
        var stats = await cluster.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return ids.ToDictionary(id => id, id =>
        {
            var activation = stats.Single(s => s.GrainType.Contains(nameof(DesignWorkflowGrain), StringComparison.Ordinal)
                && s.GrainId.ToString().Contains(id.ToString("N"), StringComparison.OrdinalIgnoreCase));
            return cluster.SiloPorts.Single(p => p.Value == activation.SiloAddress.Endpoint.Port).Key;
        });
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, int seconds)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(seconds), "timed out waiting");
            await Task.Delay(250);
        }
    }
}
