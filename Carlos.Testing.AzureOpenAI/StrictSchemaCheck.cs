using System.Text.Json.Nodes;

namespace Carlos.Testing.AzureOpenAI;

/// <summary>
/// Checks a response_format schema as Azure OpenAI's strict mode does: the root is an object; every object lists all
/// its properties as required and sets <c>additionalProperties: false</c>; arrays have items; only the supported
/// keywords and types appear.
/// </summary>
public static class StrictSchemaCheck
{
    private static readonly HashSet<string> Types =
        ["string", "number", "integer", "boolean", "object", "array", "null"];

    private static readonly HashSet<string> Unsupported =
    [
        "allOf", "not", "if", "then", "else", "oneOf", "patternProperties", "unevaluatedProperties", "propertyNames",
        "minProperties", "maxProperties", "unevaluatedItems", "contains", "minContains", "maxContains", "minItems",
        "maxItems", "uniqueItems", "minLength", "maxLength", "pattern", "format", "minimum", "maximum",
        "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
    ];

    /// <summary>Null when the schema passes, else what breaks strict mode and where.</summary>
    public static string? Problem(JsonNode? schema)
    {
        if (schema is not JsonObject root || !TypesOf(root).Contains("object"))
        {
            return "context=(): the root schema must be an object.";
        }

        return Check(root, "");
    }

    private static string? Check(JsonNode? node, string path)
    {
        if (node is not JsonObject schema)
        {
            return $"context=({path}): a schema must be an object.";
        }

        if (schema.Select(p => p.Key).FirstOrDefault(Unsupported.Contains) is { } keyword)
        {
            return $"context=({path}): '{keyword}' is not permitted.";
        }

        var types = TypesOf(schema);
        if (types.FirstOrDefault(t => !Types.Contains(t)) is { } unknown)
        {
            return $"context=({path}): type '{unknown}' is not supported.";
        }

        if (types.Contains("object") || schema["properties"] is not null)
        {
            if (schema["additionalProperties"]?.GetValueKind() != System.Text.Json.JsonValueKind.False)
            {
                return $"context=({path}): 'additionalProperties' is required to be supplied and to be false.";
            }

            var properties = schema["properties"] as JsonObject ?? [];
            var required = (schema["required"] as JsonArray)?.Select(r => r?.GetValue<string>()).ToHashSet() ?? [];
            if (properties.Select(p => p.Key).FirstOrDefault(k => !required.Contains(k)) is { } missing)
            {
                return $"context=({path}): 'required' is required to be supplied and to be an array including " +
                    $"every key in properties. Missing '{missing}'.";
            }

            foreach (var (name, property) in properties)
            {
                if (Check(property, $"{path}properties.{name}.") is { } problem)
                {
                    return problem;
                }
            }
        }

        if (types.Contains("array"))
        {
            if (schema["items"] is null)
            {
                return $"context=({path}): an array schema must have 'items'.";
            }

            if (Check(schema["items"], $"{path}items.") is { } problem)
            {
                return problem;
            }
        }

        foreach (var key in new[] { "anyOf", "$defs", "definitions" })
        {
            var children = schema[key] switch
            {
                JsonArray list => list.Select((n, i) => (n, $"{path}{key}.{i}.")),
                JsonObject map => map.Select(p => (p.Value, $"{path}{key}.{p.Key}.")),
                _ => [],
            };
            foreach (var (child, childPath) in children)
            {
                if (Check(child, childPath) is { } problem)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    private static List<string> TypesOf(JsonObject schema) => schema["type"] switch
    {
        JsonArray list => list.Select(t => t?.GetValue<string>() ?? "").ToList(),
        JsonValue value => [value.GetValue<string>()],
        _ => [],
    };
}
