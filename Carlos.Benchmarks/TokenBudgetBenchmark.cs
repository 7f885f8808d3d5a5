using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Carlos.Contracts.Budget;
using Carlos.Grains.Hosting;
using Carlos.Grains.Model;
using Carlos.Testing.AzureOpenAI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Carlos.Benchmarks;

/// <summary>
/// Several tenants asking at least three times a deployment's quota of a cluster of silos, against the Azure OpenAI
/// test server enforcing that quota: once through the token budget, once with each silo keeping its own window of
/// the full quota. Every figure about the quota comes from the server's ledger. The clock runs scaled, so a 60-second
/// window takes 60/scale real seconds; waits are given in the scaled clock, as a user of a real deployment would
/// see them.
/// </summary>
internal static class TokenBudgetBenchmark
{
    private const string Deployment = "gpt-4o";
    private const int TokensPerMinute = 60_000;
    private const int RequestsPerMinute = 600;
    private const int MaxOutputTokens = 800;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Each tenant's demand as a share of the quota: 3.3 times the quota in all.</summary>
    private static readonly (string Tenant, double Share)[] Tenants =
        [("flood", 2.0), ("steady-a", 0.6), ("steady-b", 0.6), ("quiet", 0.1)];

    private static readonly string Instructions = string.Join(' ', Enumerable.Repeat(
        "You review one part of an Azure design and answer in short Markdown.", 8));

    public static async Task<int> RunAsync(int silos, double scale, int windows)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"token-budget benchmark: {silos} silos, {Tenants.Length} tenants, demand " +
            $"{Tenants.Sum(t => t.Share):0.0}x the quota of {TokensPerMinute} tokens and {RequestsPerMinute} " +
            $"requests a minute (standard accounting), output limit {MaxOutputTokens}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"clock scale {scale}x: the 60 s window takes {Window.TotalSeconds / scale:0.##} s; {windows} windows " +
            $"measured after one of warm-up; waits in the scaled clock"));
        Console.WriteLine(string.Join(", ", Tenants.Select(t => $"{t.Tenant} {t.Share}x")));

        var budget = await RunPhaseAsync("token-budget", perSiloWindow: false, silos, scale, windows);
        var perSilo = await RunPhaseAsync("per-silo-window", perSiloWindow: true, silos, scale, windows);

        Console.WriteLine();
        Console.WriteLine("| approach | utilisation | upstream 429s | overshoot (tokens) | fairness (Jain) | p50 wait | " +
            "p95 wait | calls admitted | calls given up |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var phase in new[] { budget, perSilo })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {phase.Name} | {phase.Utilisation:0.0}% | {phase.Upstream429} | {phase.Overshoot} | " +
                $"{phase.Fairness:0.000} | {phase.P50Wait.TotalMilliseconds:0} ms | " +
                $"{phase.P95Wait.TotalMilliseconds:0} ms | {phase.Admitted} | {phase.GivenUp} |"));
        }

        Console.WriteLine();
        Console.WriteLine("throughput by tenant (tokens admitted in the measured windows / fair share):");
        foreach (var phase in new[] { budget, perSilo })
        {
            Console.WriteLine($"  {phase.Name}: " + string.Join(", ", phase.ByTenant.Select(t =>
                string.Create(CultureInfo.InvariantCulture,
                    $"{t.Tenant} {t.Tokens}/{t.FairShare:0} = {t.Ratio:0.00} (p95 wait {t.P95Wait.TotalMilliseconds:0} ms)"))));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"budget grain: {budget.DecisionsPerSecond:0} decisions/s (reserve or settle, 64 callers on " +
            $"{silos} silos); this load needed {budget.NeededPerSecond:0.0}/s in real time"));
        Console.WriteLine();
        foreach (var phase in new[] { budget, perSilo })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{phase.Name}: utilisation={phase.Utilisation:0.0}% upstream429={phase.Upstream429} " +
                $"overshoot={phase.Overshoot} fairness={phase.Fairness:0.000} " +
                $"p95wait={phase.P95Wait.TotalMilliseconds:0}ms"));
        }

        return 0;
    }

    private static async Task<PhaseResult> RunPhaseAsync(
        string name, bool perSiloWindow, int silos, double scale, int windows)
    {
        var time = new ScaledTimeProvider(scale);
        await using var server = await AzureOpenAITestServer.StartAsync(new AzureOpenAITestServerOptions
        {
            Deployments = [new TestDeployment(Deployment, TokensPerMinute, RequestsPerMinute)],
            Time = time,
            Window = Window,
            Answer = _ => "Use zone-redundant services and private endpoints.",
        });
        var hosts = await StartSilosAsync(server, silos, perSiloWindow, time);
        try
        {
            await AwaitMembershipAsync(hosts);
            var models = hosts.Select(h => h.Services.GetRequiredService<IChatModel>()).ToList();
            var start = time.GetUtcNow();
            var measuredFrom = start + Window;
            var end = measuredFrom + Window * windows;
            var calls = new List<Task<CallResult>>();
            var generators = Tenants.Select(t => GenerateAsync(t.Tenant, t.Share, models, time, end, calls)).ToList();
            await Task.WhenAll(generators);
            var results = await Task.WhenAll(calls);
            var throttledAt = server.Ledger.Where(e => e.Status == 429)
                .Select(e => string.Create(CultureInfo.InvariantCulture, $"{(e.ReceivedAt - start).TotalSeconds:0.0}s"))
                .Take(10).ToList();
            Console.WriteLine($"{name}: {results.Length} calls made" +
                (throttledAt.Count > 0 ? $"; first 429s at (scaled clock) {string.Join(", ", throttledAt)}" : ""));

            var decisions = perSiloWindow ? 0 : await MeasureDecisionsAsync(hosts);
            return Summarise(name, server.Ledger, results, measuredFrom, end, windows, decisions, scale);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.StopAsync();
                host.Dispose();
            }
        }
    }

    private static async Task GenerateAsync(string tenant, double share, List<IChatModel> models,
        TimeProvider time, DateTimeOffset end, List<Task<CallResult>> calls)
    {
        var reservation = Reservation();
        var interval = Window / (share * TokensPerMinute / reservation);
        var next = time.GetUtcNow() + interval * Random.Shared.NextDouble();
        for (var n = 0; ; n++)
        {
            var delay = next - time.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time);
            }

            if (time.GetUtcNow() >= end)
            {
                return;
            }

            var model = models[n % models.Count];
            lock (calls)
            {
                calls.Add(CallAsync(model, tenant, n, time));
            }

            next += interval;
        }
    }

    private static async Task<CallResult> CallAsync(IChatModel model, string tenant, int n, TimeProvider time)
    {
        var launched = time.GetUtcNow();
        var context = new AgentContext
        {
            Requirements = "benchmark", Settings = new Contracts.Designs.DesignSettings(), Round = 1, TenantId = tenant,
        };
        var request = new ModelRequest(AgentRole.Reliability, Instructions,
            $"tenant:{tenant}; call {n}: review the reliability of a web app with a database.", context, null);

        // A caller waits at most one window for its call to start; then it gives up, and leaves the queue.
        using var call = new CancellationTokenSource();
        TimeSpan? wait = null;
        using var deadline = new CancellationTokenSource(Window, time);
        await using var giveUp = deadline.Token.Register(() =>
        {
            if (wait is null)
            {
                call.Cancel();
            }
        });
        try
        {
            await foreach (var chunk in model.StreamAsync(request, call.Token))
            {
                wait ??= time.GetUtcNow() - launched;
            }

            return new CallResult(tenant, launched, wait, Failed: wait is null);
        }
        catch (OperationCanceledException)
        {
            return new CallResult(tenant, launched, null, Failed: false);
        }
        catch (ModelUnavailableException)
        {
            return new CallResult(tenant, launched, null, Failed: true);
        }
    }

    /// <summary>Waits until every silo is an active member, so that no grain is placed while the cluster forms.</summary>
    private static async Task AwaitMembershipAsync(List<IHost> hosts)
    {
        var management = hosts[0].Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var clock = Stopwatch.StartNew();
        while ((await management.GetHosts(onlyActive: true)).Count < hosts.Count && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }
    }

    private static async Task<double> MeasureDecisionsAsync(List<IHost> hosts)
    {
        var quota = new DeploymentQuota(int.MaxValue / 2, int.MaxValue / 2, Provisioned: true);
        var budget = $"decisions-{Guid.NewGuid():N}";
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(3);
        var counts = await Task.WhenAll(Enumerable.Range(0, 64).Select(async caller =>
        {
            var grains = hosts[caller % hosts.Count].Services.GetRequiredService<IGrainFactory>();
            var grain = grains.GetGrain<ITokenBudgetGrain>(budget);
            var done = 0L;
            while (clock.Elapsed < until)
            {
                var ask = new BudgetAsk(Guid.NewGuid(), $"tenant-{caller % 8}", ModelCallPriority.Interactive, 100, 100,
                    quota, TimeSpan.FromMinutes(5));
                await grain.ReserveAsync(ask);
                await grain.SettleAsync(new BudgetSettlement(ask.Ticket, ask.TenantId, 200, 100, 20));
                done += 2;
            }

            return done;
        }));
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }

    private static PhaseResult Summarise(string name, IReadOnlyList<LedgerEntry> ledger, CallResult[] calls,
        DateTimeOffset from, DateTimeOffset to, int windows, double decisions, double scale)
    {
        bool Measured(DateTimeOffset at) => at >= from && at < to;
        var admitted = ledger.Where(e => e.Admitted && Measured(e.ReceivedAt)).ToList();
        var throttled = ledger.Where(e => e.Status == 429).ToList();
        var utilisation = 100.0 * admitted.Sum(e => (long)e.ChargedTokens) / ((double)TokensPerMinute * windows);
        var overshoot = throttled.Sum(e => (long)e.PromptTokens + MaxOutputTokens);

        var capacity = (double)admitted.Sum(e => (long)e.ChargedTokens);
        var demand = Tenants.ToDictionary(t => t.Tenant,
            t => (double)calls.Count(c => c.Tenant == t.Tenant && Measured(c.Launched)) * Reservation());
        var fair = FairShares(demand, capacity);
        var byTenant = Tenants.Select(t =>
        {
            var tokens = admitted.Where(e => e.Call?.User.Contains($"tenant:{t.Tenant};", StringComparison.Ordinal)
                == true).Sum(e => (long)e.ChargedTokens);
            var waited = calls.Where(c => c.Tenant == t.Tenant && c.Wait is not null && Measured(c.Launched))
                .Select(c => c.Wait!.Value).Order().ToList();
            return new TenantShare(t.Tenant, tokens, fair[t.Tenant], fair[t.Tenant] > 0 ? tokens / fair[t.Tenant] : 1,
                Percentile(waited, 0.95));
        }).ToList();
        var ratios = byTenant.Select(t => t.Ratio).ToList();
        var jain = ratios.Sum() * ratios.Sum() / (ratios.Count * ratios.Sum(r => r * r));

        var waits = calls.Where(c => c.Wait is not null && Measured(c.Launched)).Select(c => c.Wait!.Value)
            .Order().ToList();
        var neededPerSecond = 2.0 * ledger.Count(e => e.Admitted) / ((to - from + Window).TotalSeconds / scale);
        return new PhaseResult(name, utilisation, throttled.Count, overshoot, jain, Percentile(waits, 0.50),
            Percentile(waits, 0.95), calls.Count(c => c.Wait is not null), calls.Count(c => c.Wait is null),
            byTenant, decisions, neededPerSecond);
    }

    /// <summary>Max-min fair shares of <paramref name="capacity"/>: no tenant gets more than it asked for.</summary>
    private static Dictionary<string, double> FairShares(Dictionary<string, double> demand, double capacity)
    {
        var shares = new Dictionary<string, double>();
        var left = capacity;
        var open = demand.OrderBy(d => d.Value).ToList();
        for (var i = 0; i < open.Count; i++)
        {
            var even = left / (open.Count - i);
            var share = Math.Min(open[i].Value, even);
            shares[open[i].Key] = share;
            left -= share;
        }

        return shares;
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Reservation() =>
        new PromptTokenCounter().CountPrompt(Instructions, "tenant:steady-a; call 100: review the reliability of a " +
            "web app with a database.", null) + MaxOutputTokens;

    private static async Task<List<IHost>> StartSilosAsync(
        AzureOpenAITestServer server, int count, bool perSiloWindow, ScaledTimeProvider time)
    {
        var ports = Enumerable.Range(0, count).Select(_ => (Silo: FreePort(), Gateway: FreePort())).ToList();
        var primary = new IPEndPoint(IPAddress.Loopback, ports[0].Silo);
        var settings = new Dictionary<string, string?>
        {
            ["Carlos:Model:Provider"] = "azure-openai",
            ["Carlos:Model:Deployments:main:Endpoint"] = server.Endpoint.ToString(),
            ["Carlos:Model:Deployments:main:Deployment"] = Deployment,
            ["Carlos:Model:Deployments:main:ApiKey"] = server.ApiKey,
            ["Carlos:Model:Deployments:main:TokensPerMinute"] = $"{TokensPerMinute}",
            ["Carlos:Model:Deployments:main:RequestsPerMinute"] = $"{RequestsPerMinute}",
            ["Carlos:Model:Deployments:main:MaxOutputTokens"] = $"{MaxOutputTokens}",
            ["Carlos:Model:Roles:Default"] = "main",
            ["Carlos:TokenBudget:Enabled"] = perSiloWindow ? "false" : "true",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var hosts = new List<IHost>();
        foreach (var (silo, gateway) in ports)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<TimeProvider>(time);
            if (perSiloWindow)
            {
                builder.Services.AddSingleton<IModelCallGate>(
                    new PerSiloWindowGate(TokensPerMinute, RequestsPerMinute, Window, time));
            }

            builder.UseOrleans(orleans =>
            {
                orleans.UseLocalhostClustering(silo, gateway, primary)
                    .AddMemoryGrainStorage(StorageNames.Default)
                    .UseInMemoryReminderService();
                orleans.Services.AddCarlosGrainServices(configuration);
            });
            var host = builder.Build();
            await host.StartAsync();
            hosts.Add(host);
        }

        return hosts;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record CallResult(string Tenant, DateTimeOffset Launched, TimeSpan? Wait, bool Failed);

    private sealed record TenantShare(string Tenant, long Tokens, double FairShare, double Ratio, TimeSpan P95Wait);

    private sealed record PhaseResult(string Name, double Utilisation, int Upstream429, long Overshoot,
        double Fairness, TimeSpan P50Wait, TimeSpan P95Wait, int Admitted, int GivenUp,
        IReadOnlyList<TenantShare> ByTenant, double DecisionsPerSecond, double NeededPerSecond);
}
