using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Carlos.Contracts.Serialization;

namespace Carlos.Grains.Model;

/// <summary>
/// The JSON schema of an output record in the form Azure OpenAI's strict structured outputs accept: every property
/// required, <c>additionalProperties: false</c> on every object, and a nullable property typed as
/// <c>["type", "null"]</c>. It follows Carlos's JSON conventions (camelCase names, snake_case enumeration values),
/// so an answer that matches it deserializes as the record.
/// </summary>
public static class StrictJsonSchema
{
    // Numbers as numbers only: the web defaults also read them from strings, which adds a pattern strict mode refuses.
    private static readonly JsonSerializerOptions SchemaOptions = new(CarlosJson.Options)
    {
        RespectNullableAnnotations = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    private static readonly JsonSchemaExporterOptions Exporter = new() { TreatNullObliviousAsNonNullable = true };

    private static readonly ConcurrentDictionary<Type, string> Cache = new();

    /// <summary>The schema's name as sent to the model: the type's name in snake_case.</summary>
    public static string NameOf(Type type) => JsonNamingPolicy.SnakeCaseLower.ConvertName(type.Name);

    /// <summary>The strict schema of <paramref name="type"/>, as JSON text.</summary>
    public static string For(Type type) => Cache.GetOrAdd(type, static t =>
    {
        var schema = SchemaOptions.GetJsonSchemaAsNode(t, Exporter);
        MakeStrict(schema);
        return schema.ToJsonString();
    });

    private static void MakeStrict(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        if (schema["enum"] is JsonArray values && schema["type"] is null)
        {
            schema["type"] = values.Any(v => v is null) ? new JsonArray("string", "null") : "string";
        }

        if (schema["properties"] is JsonObject properties)
        {
            schema["required"] = new JsonArray(properties.Select(p => (JsonNode?)p.Key).ToArray());
            schema["additionalProperties"] = false;
            foreach (var (_, property) in properties)
            {
                MakeStrict(property);
            }
        }

        MakeStrict(schema["items"]);
        foreach (var key in new[] { "anyOf", "$defs" })
        {
            switch (schema[key])
            {
                case JsonArray list:
                    list.ToList().ForEach(MakeStrict);
                    break;
                case JsonObject map:
                    map.Select(p => p.Value).ToList().ForEach(MakeStrict);
                    break;
            }
        }
    }
}
