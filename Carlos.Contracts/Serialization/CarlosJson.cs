using System.Text.Json;
using System.Text.Json.Serialization;

namespace Carlos.Contracts.Serialization;

/// <summary>
/// The JSON conventions of every Carlos API and model answer: camelCase properties, snake_case enumeration values,
/// nulls left out, and unknown properties refused so that a misspelt field is an error rather than a silent default.
/// </summary>
public static class CarlosJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the conventions to options owned by someone else (ASP.NET Core's, for example).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        return options;
    }

    /// <summary>The wire name of an enumeration value, as JSON writes it.</summary>
    public static string WireName<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
