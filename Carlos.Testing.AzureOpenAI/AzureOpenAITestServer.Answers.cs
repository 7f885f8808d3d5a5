using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Carlos.Testing.AzureOpenAI;

/// <summary>The answer half of the protocol: a JSON completion, or a stream of chunks with faults applied.</summary>
public sealed partial class AzureOpenAITestServer
{
    private async Task AnswerAsync(HttpContext http, long id, ChatCall call, string text, int prompt, int completion,
        Fault fault, QuotaWindow window)
    {
        try
        {
            await Task.Delay(fault.FirstTokenDelay, _options.Time, http.RequestAborted);
            var body = new JsonObject
            {
                ["id"] = $"chatcmpl-{id}",
                ["object"] = "chat.completion",
                ["created"] = _options.Time.GetUtcNow().ToUnixTimeSeconds(),
                ["model"] = call.Deployment,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = Usage(prompt, completion),
            };
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
            Finish(id, CallOutcome.Completed, completion, window.Settle(id, prompt + completion));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            Finish(id, CallOutcome.Aborted, 0, window.Settle(id, prompt));
        }
    }

    private async Task StreamAsync(HttpContext http, long id, ChatCall call, string text, int prompt, int completion,
        Fault fault, QuotaWindow window)
    {
        var aborted = http.RequestAborted;
        var pieces = Piece().Matches(text).Select(m => m.Value).ToList();
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        try
        {
            await http.Response.Body.FlushAsync(aborted);

            // Azure opens a stream with the prompt's content-filter results and no choices.
            var filter = Chunk(id, call, null, null);
            filter["prompt_filter_results"] = new JsonArray(new JsonObject
            {
                ["prompt_index"] = 0,
                ["content_filter_results"] = new JsonObject(),
            });
            await Send(http, filter);
            await Task.Delay(fault.FirstTokenDelay, _options.Time, aborted);
            await Send(http, Chunk(id, call, new JsonObject { ["role"] = "assistant", ["content"] = "" }, null));
            for (var i = 0; i < pieces.Count; i++)
            {
                if (fault.DropAfterChunks == i)
                {
                    if (fault.DropWhen is { } when)
                    {
                        await when.WaitAsync(aborted);
                    }

                    Finish(id, CallOutcome.Dropped, 0, window.Settle(id, prompt));
                    http.Abort();
                    return;
                }

                if (fault.EndAfterChunks == i)
                {
                    Finish(id, CallOutcome.Dropped, 0, window.Settle(id, prompt));
                    return;
                }

                if (fault.StallAfterChunks == i)
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, _options.Time, aborted);
                }

                if (i == pieces.Count - 1 && fault.HoldBeforeLastChunk is { } hold)
                {
                    await hold.WaitAsync(aborted);
                }

                if (i > 0 && _options.ChunkDelay > TimeSpan.Zero)
                {
                    await Task.Delay(_options.ChunkDelay, _options.Time, aborted);
                }

                await Send(http, Chunk(id, call, new JsonObject { ["content"] = pieces[i] }, null));
                if (i == 0)
                {
                    Update(id, e => e with { FirstChunkAt = _options.Time.GetUtcNow() });
                }
            }

            await Send(http, Chunk(id, call, new JsonObject(), "stop"));
            if (call.IncludeUsage)
            {
                var usage = Chunk(id, call, null, null);
                usage["usage"] = Usage(prompt, completion);
                await Send(http, usage);
            }

            await http.Response.WriteAsync("data: [DONE]\n\n", aborted);
            await http.Response.Body.FlushAsync(aborted);
            Finish(id, CallOutcome.Completed, completion, window.Settle(id, prompt + completion));
        }
        catch (Exception ex) when (aborted.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            Finish(id, CallOutcome.Aborted, 0, window.Settle(id, prompt));
        }
    }

    private static async Task Send(HttpContext http, JsonObject chunk)
    {
        await http.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    private JsonObject Chunk(long id, ChatCall call, JsonObject? delta, string? finishReason) => new()
    {
        ["id"] = $"chatcmpl-{id}",
        ["object"] = "chat.completion.chunk",
        ["created"] = _options.Time.GetUtcNow().ToUnixTimeSeconds(),
        ["model"] = call.Deployment,
        ["choices"] = delta is null
            ? new JsonArray()
            : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
    };

    private static JsonObject Usage(int prompt, int completion) => new()
    {
        ["prompt_tokens"] = prompt,
        ["completion_tokens"] = completion,
        ["total_tokens"] = prompt + completion,
    };

    [GeneratedRegex(@"\s*\S{1,6}|\s+")]
    private static partial Regex Piece();
}
