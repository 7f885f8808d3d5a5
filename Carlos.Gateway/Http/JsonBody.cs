using System.Text.Json;
using Carlos.Contracts.Serialization;

namespace Carlos.Gateway.Http;

/// <summary>
/// Reads a JSON request body under a size limit, turning every way it can be wrong into a ProblemDetails answer:
/// wrong content type (415), too large (413), malformed or mistyped JSON (400, naming the field).
/// </summary>
internal static class JsonBody
{
    /// <summary>The most any JSON endpoint reads: room for 50,000 characters of requirements and the settings.</summary>
    public const long DefaultLimit = 256 * 1024;

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(
        HttpRequest request, CancellationToken cancellationToken, long limit = DefaultLimit) where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problems.UnsupportedMedia("application/json"));
        }

        if (request.ContentLength > limit)
        {
            return (null, Problems.TooLarge(limit));
        }

        // Syntax first, then shape: a body that is not JSON at all is told apart from a field with a wrong value.
        JsonDocument document;
        try
        {
            using var body = new LimitedStream(request.Body, limit);
            document = await JsonDocument.ParseAsync(body, default, cancellationToken);
        }
        catch (LimitedStream.LimitExceededException)
        {
            return (null, Problems.TooLarge(limit));
        }
        catch (JsonException ex)
        {
            return (null, Problems.MalformedJson($"The body is not valid JSON (line {ex.LineNumber + 1})."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Problems.MalformedJson("The body must be a JSON object."));
            }

            try
            {
                return (document.Deserialize<T>(CarlosJson.Options), null);
            }
            catch (JsonException ex)
            {
                return (null, Describe(ex, document.RootElement));
            }
        }
    }

    private static IResult Describe(JsonException ex, JsonElement root)
    {
        var field = FieldName(ex.Path);
        if (field is null)
        {
            // Unknown properties are reported at the object's path; find the one that is not ours.
            var unknown = root.EnumerateObject().Select(p => p.Name)
                .FirstOrDefault(name => ex.Message.Contains($"'{name}'", StringComparison.Ordinal));
            return unknown is null
                ? Problems.MalformedJson("The body does not have the expected shape.")
                : Problems.Validation(unknown, "This field is not part of the request.");
        }

        return Problems.Validation(field, "The value is not valid for this field.");
    }

    private static string? FieldName(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        var name = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return name.Trim('[', ']', '\'');
    }
}
