using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Azure.AI.OpenAI;
using Carlos.Contracts.Reports;
using Carlos.Grains.Diagnostics;
using Carlos.Grains.Hosting;
using Carlos.Grains.Model;
using Microsoft.Extensions.Logging;
using OpenAI.Chat;
using Polly;
using Polly.CircuitBreaker;

namespace Carlos.Grains.AzureOpenAI;

/// <summary>
/// One Azure OpenAI deployment: its client, made once for the life of the process so connections are pooled, and
/// its resilience pipeline. A call streams through a channel because each retried attempt starts the answer again:
/// the attempt writes chunks, the caller reads them, and a restarted answer is announced with a restart chunk.
/// </summary>
internal sealed partial class ModelDeployment
{
    private readonly ModelDeploymentOptions _options;
    private readonly ModelResilienceOptions _resilience;
    private readonly ChatClient _chat;
    private readonly ResiliencePipeline _pipeline;
    private readonly IModelCallGate _gate;
    private readonly PromptTokenCounter _counter;
    private readonly ModelMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ModelDeployment(string name, ModelDeploymentOptions options, ModelResilienceOptions resilience,
        IModelCallGate gate, PromptTokenCounter counter, ModelMetrics metrics, TimeProvider time, ILogger logger)
    {
        Name = name;
        _options = options;
        _resilience = resilience;
        _gate = gate;
        _counter = counter;
        _metrics = metrics;
        _time = time;
        _logger = logger;

        var clientOptions = new AzureOpenAIClientOptions(ServiceVersionOf(options.ApiVersion))
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // Longer than the attempt timeout, so that Polly's timeout (which is retried) is the one that fires.
            NetworkTimeout = resilience.AttemptTimeout + TimeSpan.FromMinutes(1),
        };
        clientOptions.AddPolicy(new UpstreamQuotaPolicy(), PipelinePosition.PerTry);
        var client = new AzureOpenAIClient(
            new Uri(options.Endpoint!), new ApiKeyCredential(options.ApiKey!), clientOptions);
        _chat = client.GetChatClient(options.Deployment);
        _pipeline = ModelResilience.Build(name, resilience, time, metrics, logger);
        LogReady(logger, name, new Uri(options.Endpoint!).Host, options.Deployment!, options.ApiVersion);
    }

    /// <summary>The name under <c>Carlos:Model:Deployments</c>.</summary>
    public string Name { get; }

    public async IAsyncEnumerable<ModelChunk> StreamAsync(
        ModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var call = NewCall(request);
        var channel = Channel.CreateUnbounded<ModelChunk>(new() { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(call, channel.Writer, stop.Token), CancellationToken.None);

        var finished = false;
        try
        {
            await foreach (var chunk in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return chunk;
            }

            finished = true;
        }
        finally
        {
            if (!finished)
            {
                // The caller stopped reading or was cancelled: abort the upstream request before returning.
                await stop.CancelAsync();
                await Settled(producer);
            }
        }

        await producer;
    }

    private ModelCall NewCall(ModelRequest request)
    {
        var schema = request.OutputType is { } type ? StrictJsonSchema.For(type) : null;
        var options = new ChatCompletionOptions
        {
            MaxOutputTokenCount = _options.MaxOutputTokens, Temperature = request.Temperature,
        };
        if (schema is not null)
        {
            options.ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
                StrictJsonSchema.NameOf(request.OutputType!), BinaryData.FromString(schema), jsonSchemaIsStrict: true);
        }

        var prompt = _counter.CountPrompt(request.Instructions, request.Prompt, schema);
        var estimate = new ModelCallEstimate(
            Name, request.Role, request.Context.TenantId, prompt, _options.MaxOutputTokens);
        ChatMessage[] messages = [new SystemChatMessage(request.Instructions), new UserChatMessage(request.Prompt)];
        return new ModelCall(messages, options, estimate);
    }

    private async Task ProduceAsync(
        ModelCall call, ChannelWriter<ModelChunk> writer, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteWaitingForCircuitAsync(call, writer, cancellationToken);
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private async Task ExecuteWaitingForCircuitAsync(
        ModelCall call, ChannelWriter<ModelChunk> writer, CancellationToken cancellationToken)
    {
        long? waitingSince = null;
        while (true)
        {
            try
            {
                await _pipeline.ExecuteAsync(
                    async token => await AttemptAsync(call, writer, token), cancellationToken);
                return;
            }
            catch (BrokenCircuitException open)
            {
                waitingSince ??= _time.GetTimestamp();
                var left = _resilience.CircuitWaitLimit - _time.GetElapsedTime(waitingSince.Value);
                if (left <= TimeSpan.Zero)
                {
                    LogUnavailable(_logger, Name, "circuit open");
                    throw new ModelUnavailableException(
                        $"The model deployment '{Name}' is unavailable: its circuit breaker stayed open for " +
                        $"{_resilience.CircuitWaitLimit} after repeated failures.", open);
                }

                var wait = open.RetryAfter is { } after && after > TimeSpan.Zero && after < left ? after : left;
                LogWaitingForCircuit(_logger, Name, wait);
                await Task.Delay(wait, _time, cancellationToken);
            }
            catch (Exception failure) when (failure is not ModelUnavailableException
                && (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
            {
                var reason = ModelResilience.Reason(failure);
                LogUnavailable(_logger, Name, reason);
                throw new ModelUnavailableException(ModelResilience.IsTransient(failure)
                    ? $"The model deployment '{Name}' did not answer after {_resilience.MaxRetryAttempts + 1} " +
                      $"attempts (last: {reason})."
                    : $"The model deployment '{Name}' refused the call ({reason}).", failure);
            }
        }
    }

    private async ValueTask AttemptAsync(
        ModelCall call, ChannelWriter<ModelChunk> writer, CancellationToken cancellationToken)
    {
        if (call.Streamed)
        {
            await writer.WriteAsync(ModelChunk.Restart(call.LastFailure ?? "the stream broke"), cancellationToken);
            call.Streamed = false;
        }

        await using var permit = await _gate.AdmitAsync(call.Estimate, cancellationToken);
        UpstreamQuotaPolicy.Current = permit;
        using var idle = new CancellationTokenSource(_resilience.StreamIdleTimeout, _time);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        TokenUsage? usage = null;
        try
        {
            await foreach (var update in _chat.CompleteChatStreamingAsync(call.Messages, call.Options, attempt.Token))
            {
                idle.CancelAfter(_resilience.StreamIdleTimeout);
                foreach (var part in update.ContentUpdate)
                {
                    if (part.Text is { Length: > 0 } text)
                    {
                        call.Streamed = true;
                        await writer.WriteAsync(new ModelChunk(text, null), cancellationToken);
                    }
                }

                if (update.Usage is { } reported)
                {
                    usage = new TokenUsage(reported.InputTokenCount, reported.OutputTokenCount);
                }
            }
        }
        catch (OperationCanceledException)
            when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Interrupted(call, $"no chunk for {_resilience.StreamIdleTimeout}");
        }
        catch (ClientResultException throttled) when (throttled.Status == 429)
        {
            permit.Throttled(ModelResilience.RetryAfter(throttled, _time.GetUtcNow()));
            call.LastFailure = "HTTP 429";
            throw;
        }
        catch (Exception broken) when (broken is IOException or HttpRequestException)
        {
            throw Interrupted(call, "the stream broke off", broken);
        }
        finally
        {
            UpstreamQuotaPolicy.Current = null;
        }

        if (usage is null)
        {
            throw Interrupted(call, "the stream ended before the model reported its usage");
        }

        permit.Settle(usage);
        _metrics.TokensUsed(call.Estimate.TenantId, Name, usage.PromptTokens, usage.CompletionTokens);
        await writer.WriteAsync(new ModelChunk(null, usage), cancellationToken);
    }

    private static ModelStreamInterruptedException Interrupted(ModelCall call, string reason, Exception? inner = null)
    {
        call.LastFailure = reason;
        return inner is null ? new(reason) : new(reason, inner);
    }

    private static async Task Settled(Task task)
    {
        try
        {
            await task;
        }
        catch
        {
            // The caller has gone; what the abandoned attempt threw matters to nobody.
        }
    }

    private static AzureOpenAIClientOptions.ServiceVersion ServiceVersionOf(string apiVersion) => apiVersion switch
    {
        "2024-06-01" => AzureOpenAIClientOptions.ServiceVersion.V2024_06_01,
        _ => AzureOpenAIClientOptions.ServiceVersion.V2024_10_21,
    };

    /// <summary>One call across its attempts.</summary>
    private sealed class ModelCall(ChatMessage[] messages, ChatCompletionOptions options, ModelCallEstimate estimate)
    {
        public ChatMessage[] Messages { get; } = messages;

        public ChatCompletionOptions Options { get; } = options;

        public ModelCallEstimate Estimate { get; } = estimate;

        /// <summary>True once the current attempt has handed text to the caller.</summary>
        public bool Streamed { get; set; }

        public string? LastFailure { get; set; }
    }

    [LoggerMessage(EventId = 2110, Level = LogLevel.Information,
        Message = "Model deployment {Deployment} uses {Host}, deployment {AzureDeployment}, API {ApiVersion}")]
    private static partial void LogReady(ILogger logger, string deployment, string host, string azureDeployment,
        string apiVersion);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning,
        Message = "Model deployment {Deployment}: circuit open, the step waits {Wait}")]
    private static partial void LogWaitingForCircuit(ILogger logger, string deployment, TimeSpan wait);

    [LoggerMessage(EventId = 2112, Level = LogLevel.Error,
        Message = "Model deployment {Deployment} is unavailable ({Reason})")]
    private static partial void LogUnavailable(ILogger logger, string deployment, string reason);
}
