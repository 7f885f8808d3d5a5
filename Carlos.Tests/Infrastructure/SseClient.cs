using System.Text.Json;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Serialization;

namespace Carlos.Tests.Infrastructure;

/// <summary>One parsed Server-Sent Event, or a comment line.</summary>
internal sealed record SseMessage(string? Id, string? Event, string? Data, string? Comment)
{
    public DesignEvent Parse() => JsonSerializer.Deserialize<DesignEvent>(Data!, CarlosJson.Options)!;
}

/// <summary>Reads an SSE response body message by message, as a browser's EventSource would.</summary>
internal static class SseClient
{
    public static async IAsyncEnumerable<SseMessage> ReadAsync(
        HttpResponseMessage response, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken token = default)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(token));
        string? id = null, type = null, data = null;
        while (await reader.ReadLineAsync(token) is { } line)
        {
            if (line.Length == 0)
            {
                if (id is not null || type is not null || data is not null)
                {
                    yield return new SseMessage(id, type, data, null);
                }

                id = type = data = null;
                continue;
            }

            if (line.StartsWith(':'))
            {
                yield return new SseMessage(null, null, null, line[1..].Trim());
                continue;
            }

            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id": id = value; break;
                case "event": type = value; break;
                case "data": data = data is null ? value : data + "\n" + value; break;
            }
        }
    }

    /// <summary>Reads design events until the terminal one (or the stream ends), skipping comments.</summary>
    public static async Task<List<DesignEvent>> ReadDesignEventsAsync(HttpResponseMessage response, CancellationToken token)
    {
        var events = new List<DesignEvent>();
        await foreach (var message in ReadAsync(response, token))
        {
            if (message.Data is null)
            {
                continue;
            }

            var e = message.Parse();
            Assert.Equal(e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), message.Id);
            Assert.Equal(CarlosJson.WireName(e.Type), message.Event);
            events.Add(e);
            if (e.IsTerminal)
            {
                break;
            }
        }

        return events;
    }
}
