using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Carlos.Contracts.Serialization;
using Orleans.Serialization;
using Orleans.Storage;

namespace Carlos.Grains.Hosting;

/// <summary>
/// How grain state is written to Redis: System.Text.Json with Carlos's property names and no type names, so a type
/// can be renamed or moved without breaking stored state. Reading tolerates fields it does not know (state written by
/// a newer version) and fields that are missing (state written by an older one, which take their defaults).
/// </summary>
public static class GrainStateJson
{
    public static JsonSerializerOptions Options { get; } = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static IGrainStorageSerializer Serializer()
    {
        var settings = new SystemTextJsonGrainStorageSerializerOptions();
        Apply(settings.JsonSerializerOptions);
        return new SystemTextJsonGrainStorageSerializer(Microsoft.Extensions.Options.Options.Create(settings));
    }

    private static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        CarlosJson.Configure(options);
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        options.RespectRequiredConstructorParameters = false;

        // 'required' guards construction in code; stored state from an older version may lack such a member.
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers = { info => info.Properties.ToList().ForEach(p => p.IsRequired = false) },
        };
        return options;
    }
}
