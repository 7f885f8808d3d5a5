using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Identity;

[Collection(GuardedGatewayCollection.Name)]
public sealed class GuardTests(GuardedGateway gateway)
{
    [Fact]
    public async Task An_address_that_keeps_failing_authentication_gets_429_even_with_a_good_key_until_its_minute_passes()
    {
        // The guesser connects from its own loopback address, so only that address is blocked.
        var address = IPAddress.Parse("127.0.0.77");
        using var guesser = FromAddress(address, "ck_0123456789abcdef.guess");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await guesser.GetAsync("/v1/scenarios");
            statuses.Add(response.StatusCode);
        }

        using var sameAddress = FromAddress(address, gateway.DevelopmentKey);
        using var good = await sameAddress.GetAsync("/v1/scenarios");
        using var elsewhere = await gateway.Client.GetAsync("/v1/scenarios");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), statuses.Take(5));
        Assert.All(statuses.Skip(5), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, good.StatusCode);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_user_over_the_open_stream_limit_gets_429_and_a_closed_stream_frees_its_place()
    {
        var id = await NewDesignAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await KeyAsync());

        var one = await client.GetAsync($"/v1/designs/{id.Design}/events", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        var two = await client.GetAsync($"/v1/designs/{id.Design}/events", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var three = await client.GetAsync($"/v1/designs/{id.Design}/events", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, three.StatusCode);

        one.Dispose();
        HttpStatusCode reopened;
        do
        {
            // The gateway notices the closed stream at its next write; ask again at a pace the read quota allows.
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancel.Token);
            using var again = await client.GetAsync($"/v1/designs/{id.Design}/events", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            reopened = again.StatusCode;
        }
        while (reopened == HttpStatusCode.TooManyRequests);

        two.Dispose();
        Assert.Equal(HttpStatusCode.OK, reopened);
        await gateway.Client.PostAsync($"/v1/designs/{id.Design}/cancel", null);
    }

    private HttpClient FromAddress(IPAddress local, string key)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, token);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        };
        var client = new HttpClient(handler) { BaseAddress = gateway.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private string? _key;

    private async Task<string> KeyAsync() => _key ??= await gateway.NewTenantKeyAsync($"streams-{Guid.NewGuid():N}"[..20], role: "tenant_admin");

    private async Task<(Guid Design, string Key)> NewDesignAsync()
    {
        using var client = gateway.CreateClient(await KeyAsync());
        using var response = await client.PostAsync("/v1/designs", GatewayServer.Json("""{"requirements":"AKS"}"""));
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (Guid.Parse(summary.GetProperty("id").GetString()!), _key!);
    }
}
