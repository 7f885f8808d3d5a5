using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.ML.Tokenizers;

namespace Carlos.Testing.AzureOpenAI;

/// <summary>
/// A local server that speaks the Azure OpenAI chat completions protocol on a free loopback port:
/// <c>POST /openai/deployments/{deployment}/chat/completions?api-version=...</c>, JSON or streamed, with the
/// <c>api-key</c> checked, quotas enforced the way Azure enforces them, strict structured-output schemas checked,
/// and faults injected on demand. Its ledger records every request, so tests and benchmarks read throttling and
/// overshoot from the server rather than from the client.
/// </summary>
public sealed partial class AzureOpenAITestServer : IAsyncDisposable
{
    private static readonly Tokenizer Tokens = TiktokenTokenizer.CreateForEncoding("o200k_base");

    private readonly AzureOpenAITestServerOptions _options;
    private readonly Dictionary<string, (TestDeployment Deployment, QuotaWindow Window)> _deployments;
    private readonly List<LedgerEntry> _ledger = [];
    private readonly List<(Func<ChatCall, bool> When, Fault Fault, int Left)> _faults = [];
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _changed = new(0);
    private WebApplication? _app;
    private long _nextId;

    public AzureOpenAITestServer(AzureOpenAITestServerOptions options)
    {
        _options = options;
        _deployments = options.Deployments.ToDictionary(
            d => d.Name, d => (d, new QuotaWindow(d, options.Time, options.Window)), StringComparer.Ordinal);
    }

    /// <summary>The endpoint to give a client, such as <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public string ApiKey => _options.ApiKey;

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<LedgerEntry> Ledger
    {
        get
        {
            lock (_lock)
            {
                return _ledger.ToList();
            }
        }
    }

    public static async Task<AzureOpenAITestServer> StartAsync(AzureOpenAITestServerOptions options)
    {
        var server = new AzureOpenAITestServer(options);
        await server.StartAsync();
        return server;
    }

    /// <summary>Breaks the next <paramref name="times"/> requests that match (any request without a match).</summary>
    public void Inject(Fault fault, Func<ChatCall, bool>? when = null, int times = 1)
    {
        lock (_lock)
        {
            _faults.Add((when ?? (_ => true), fault, times));
        }
    }

    /// <summary>Waits until the ledger holds an entry that matches, and returns it.</summary>
    public async Task<LedgerEntry> WaitForAsync(Func<LedgerEntry, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (Ledger.FirstOrDefault(match) is { } entry)
            {
                return entry;
            }

            try
            {
                await _changed.WaitAsync(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No ledger entry matched within {timeout}.");
            }
        }
    }

    /// <summary>What a deployment's window has left now.</summary>
    public (long Tokens, long Requests) Remaining(string deployment) => _deployments[deployment].Window.Remaining();

    /// <summary>Counts tokens as the server counts them (o200k_base).</summary>
    public static int CountTokens(string text) => Tokens.CountTokens(text);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _changed.Dispose();
    }

    private async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/openai/deployments/{deployment}/chat/completions", HandleAsync);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        Endpoint = new Uri(address.TrimEnd('/') + "/");
    }

    private async Task HandleAsync(HttpContext http, string deployment)
    {
        var received = _options.Time.GetUtcNow();
        if (!http.Request.Headers.TryGetValue("api-key", out var key) || key != _options.ApiKey)
        {
            Record(deployment, null, received, 401, CallOutcome.Rejected, detail: "api-key");
            await Error(http, 401, "401", "Access denied due to invalid subscription key or wrong API endpoint.");
            return;
        }

        if (string.IsNullOrEmpty(http.Request.Query["api-version"]))
        {
            Record(deployment, null, received, 404, CallOutcome.Rejected, detail: "api-version");
            await Error(http, 404, "404", "Resource not found");
            return;
        }

        if (!_deployments.TryGetValue(deployment, out var served))
        {
            Record(deployment, null, received, 404, CallOutcome.Rejected, detail: "deployment");
            await Error(http, 404, "DeploymentNotFound", "The API deployment for this resource does not exist.");
            return;
        }

        ChatCall call;
        try
        {
            var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            call = Parse(deployment, body);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            Record(deployment, null, received, 400, CallOutcome.Rejected, detail: "body");
            await Error(http, 400, "invalid_request_error", $"The request body is not valid: {ex.Message}");
            return;
        }

        call = call with { Role = _options.RoleOf(call) };
        if (call.StrictSchema && StrictSchemaCheck.Problem(call.Schema) is { } problem)
        {
            Record(deployment, call.Role, received, 400, CallOutcome.Rejected, detail: problem, call: call);
            await Error(http, 400, "invalid_request_error",
                $"Invalid schema for response_format '{call.SchemaName}': In {problem}");
            return;
        }

        var fault = TakeFault(call);
        if (fault?.Status is { } status)
        {
            Record(deployment, call.Role, received, status, CallOutcome.Rejected, detail: "injected", call: call);
            RateLimitHeaders(http, served.Window.Remaining(), fault.RetryAfter);
            await Error(http, status, status.ToString(CultureInfo.InvariantCulture), "Injected by the test server.");
            return;
        }

        var prompt = PromptTokens(call);
        var maxTokens = call.MaxTokens ?? _options.DefaultMaxTokens;
        var id = Interlocked.Increment(ref _nextId);
        var decision = served.Window.TryAdmit(id, prompt + maxTokens);
        RateLimitHeaders(http, (decision.RemainingTokens, decision.RemainingRequests),
            decision.Admitted ? null : decision.RetryAfter);
        if (!decision.Admitted)
        {
            Record(deployment, call.Role, received, 429, CallOutcome.Throttled, prompt, id: id,
                detail: decision.Exceeded, call: call);
            await Error(http, 429, "429",
                $"Requests to the ChatCompletions_Create Operation have exceeded the {decision.Exceeded} rate limit " +
                $"of your current pricing tier. Please retry after {RetrySeconds(decision.RetryAfter)} seconds.");
            return;
        }

        Record(deployment, call.Role, received, 200, CallOutcome.Running, prompt, prompt + maxTokens, id: id,
            streamed: call.Stream, call: call);
        var text = fault?.Text ?? _options.Answer(call);
        var completion = Math.Min(CountTokens(text), maxTokens);
        if (call.Stream)
        {
            await StreamAsync(http, id, call, text, prompt, completion, fault ?? new Fault(), served.Window);
        }
        else
        {
            await AnswerAsync(http, id, call, text, prompt, completion, fault ?? new Fault(), served.Window);
        }
    }

    private static ChatCall Parse(string deployment, JsonNode? body)
    {
        if (body is not JsonObject request || request["messages"] is not JsonArray messages)
        {
            throw new FormatException("'messages' is required.");
        }

        var parsed = messages.Select(m => (m?["role"]?.GetValue<string>() ?? "", Content(m?["content"]))).ToList();
        var format = request["response_format"];
        var schema = format?["type"]?.GetValue<string>() == "json_schema" ? format["json_schema"] : null;
        var maxTokens = request["max_completion_tokens"] ?? request["max_tokens"];
        return new ChatCall(
            deployment,
            parsed,
            request["stream"]?.GetValue<bool>() == true,
            request["stream_options"]?["include_usage"]?.GetValue<bool>() == true,
            maxTokens?.GetValue<int>(),
            schema?["name"]?.GetValue<string>(),
            schema?["schema"],
            schema?["strict"]?.GetValue<bool>() == true)
        {
            Temperature = request["temperature"]?.GetValue<float>(),
        };
    }

    private static string Content(JsonNode? content) => content switch
    {
        JsonValue text => text.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };

    private static int PromptTokens(ChatCall call) =>
        call.Messages.Sum(m => CountTokens(m.Content) + 3) + 3
        + (call.Schema is null ? 0 : CountTokens(call.Schema.ToJsonString()));

    private Fault? TakeFault(ChatCall call)
    {
        lock (_lock)
        {
            var index = _faults.FindIndex(f => f.Left > 0 && f.When(call));
            if (index < 0)
            {
                return null;
            }

            var (when, fault, left) = _faults[index];
            _faults[index] = (when, fault, left - 1);
            return fault;
        }
    }

    private static void RateLimitHeaders(HttpContext http, (long Tokens, long Requests) remaining, TimeSpan? retryAfter)
    {
        var headers = http.Response.Headers;
        headers["x-ratelimit-remaining-tokens"] = remaining.Tokens.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-remaining-requests"] = remaining.Requests.ToString(CultureInfo.InvariantCulture);
        if (retryAfter is { } wait)
        {
            http.Response.Headers["retry-after-ms"] =
                Math.Ceiling(wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["retry-after"] = RetrySeconds(wait).ToString(CultureInfo.InvariantCulture);
        }
    }

    private static int RetrySeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    private static async Task Error(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        var body = new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
        await http.Response.WriteAsync(body.ToJsonString());
    }

    private void Record(string deployment, string? role, DateTimeOffset received, int status, CallOutcome outcome,
        int prompt = 0, int reserved = 0, long? id = null, string? detail = null, bool streamed = false,
        ChatCall? call = null)
    {
        lock (_lock)
        {
            _ledger.Add(new LedgerEntry(id ?? Interlocked.Increment(ref _nextId), deployment, role, received, status,
                outcome, prompt, reserved, reserved, 0, streamed,
                EndedAt: outcome == CallOutcome.Running ? null : received,
                Detail: detail, Call: call));
        }

        _changed.Release();
    }

    private void Finish(long id, CallOutcome outcome, int completion, int charged) => Update(id, e => e with
    {
        Outcome = outcome, CompletionTokens = completion, ChargedTokens = charged, EndedAt = _options.Time.GetUtcNow(),
    });

    private void Update(long id, Func<LedgerEntry, LedgerEntry> change)
    {
        lock (_lock)
        {
            var index = _ledger.FindIndex(e => e.Id == id);
            if (index >= 0)
            {
                _ledger[index] = change(_ledger[index]);
            }
        }

        _changed.Release();
    }
}
