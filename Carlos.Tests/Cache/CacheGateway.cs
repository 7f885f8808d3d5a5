using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Carlos.Contracts.Designs;
using Carlos.Grains.BuiltinModel;
using Carlos.Grains.Cache;
using Carlos.Grains.Model;
using Carlos.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Carlos.Tests.Cache;

/// <summary>
/// A gateway with the design cache on, a model that counts its calls, a cache clock the tests move, and a sweep
/// every 100 ms so that expiry is seen promptly once the clock has moved.
/// </summary>
public sealed class CacheGateway : GatewayServer
{
    public CacheGateway()
        : base(tokensPerSecond: 200_000, heartbeat: TimeSpan.FromSeconds(15))
    {
        Settings["Carlos:Cache:Enabled"] = "true";
        Settings["Carlos:Cache:SweepInterval"] = "00:00:00.100";
        Settings[$"Carlos:Tenants:{SeededSharingTenant}:SharedCache"] = "true";
        Settings[$"Carlos:Tenants:{SeededSharingTenant}:Plan"] = "default";
    }

    /// <summary>A tenant that configuration opts into the shared scope.</summary>
    public const string SeededSharingTenant = "seeded-sharer";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    internal CountingChatModel Model { get; private set; } = null!;

    protected override void Configure(WebApplicationBuilder builder)
    {
        builder.Services.AddKeyedSingleton<TimeProvider>(DesignCacheOptions.ClockKey, Clock);
        builder.Services.AddSingleton<IChatModel>(sp =>
            Model = new CountingChatModel(sp.GetRequiredService<BuiltinChatModel>()));
    }

    /// <summary>Starts a design with an event stream and reads it to its terminal event.</summary>
    public async Task<List<DesignEvent>> DesignAsync(string key, string body)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var client = CreateClient(key);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/designs") { Content = Json(body) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await ReadUntilSettledAsync(response, cancel.Token);
    }

    public async Task<JsonElement> GetJsonAsync(string key, string path)
    {
        using var client = CreateClient(key);
        return JsonDocument.Parse(await client.GetStringAsync(path)).RootElement.Clone();
    }

    public static string Body(string requirements, string extra = "") =>
        $$"""{"requirements":{{JsonSerializer.Serialize(requirements)}}{{extra}}}""";

    /// <summary>Opts a tenant in or out of the shared scope through the admin API.</summary>
    public async Task ShareAsync(string tenant, bool shared)
    {
        using var admin = CreateClient(AdminKey);
        using var response = await admin.PutAsync($"/v1/admin/tenants/{tenant}/cache",
            Json($$"""{"sharedScope":{{(shared ? "true" : "false")}}}"""));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Reads events until the design ends or waits for answers.</summary>
    private static async Task<List<DesignEvent>> ReadUntilSettledAsync(
        HttpResponseMessage response, CancellationToken token)
    {
        var events = new List<DesignEvent>();
        await foreach (var message in SseClient.ReadAsync(response, token))
        {
            if (message.Data is null)
            {
                continue;
            }

            var e = message.Parse();
            events.Add(e);
            if (e.IsTerminal || e.Type == DesignEventType.Question)
            {
                break;
            }
        }

        return events;
    }
}

/// <summary>The built-in model, counting every call made to it.</summary>
internal sealed class CountingChatModel(IChatModel inner) : IChatModel
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public string Name => inner.Name;

    public async IAsyncEnumerable<ModelChunk> StreamAsync(
        ModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        await foreach (var chunk in inner.StreamAsync(request, cancellationToken))
        {
            yield return chunk;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CacheGatewayCollection : ICollectionFixture<CacheGateway>
{
    public const string Name = "cache gateway";
}
