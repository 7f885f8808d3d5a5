using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Carlos.Tests.Architecture;

namespace Carlos.Tests.Deploy;

/// <summary>
/// Every configuration key Carlos's code reads, found by reflection rather than listed by hand. The rules, which the
/// code follows: a <c>const string SectionName</c> on a type binds all of that type's properties under the section;
/// a <c>const string {Property}Section</c> binds that one property; a <c>const string ...Key</c> or <c>...Setting</c>
/// whose value starts with <c>Carlos:</c> is one key read as it is. Dictionary keys and list indexes are <c>*</c>.
/// </summary>
internal static class CodeSettings
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(Carlos.Contracts.Designs.DesignRequest).Assembly,
        typeof(Carlos.Grains.Hosting.CarlosClusterOptions).Assembly,
        typeof(Carlos.Gateway.Hosting.GatewayApp).Assembly,
        typeof(Carlos.Silo.Hosting.SiloApp).Assembly,
        typeof(Carlos.Telemetry.TelemetryOptions).Assembly,
    ];

    /// <summary>Every key, with the type that binds it and whether it must be given (required, no default).</summary>
    public static IReadOnlyList<Setting> All { get; } = Discover().DistinctBy(s => s.Pattern).ToList();

    /// <summary>Keys the hosts read that are not Carlos options: those of the projects' appsettings.json files.</summary>
    public static IReadOnlySet<string> HostKeys { get; } = AppSettingsKeys();

    public static bool IsRead(string key) =>
        All.Any(s => s.Matches(key)) || HostKeys.Any(h => string.Equals(h, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>A configuration key as an environment variable spells it: <c>Carlos__Cluster__Mode</c>.</summary>
    public static string FromEnvironmentName(string name) => name.Replace("__", ":", StringComparison.Ordinal);

    private static IEnumerable<Setting> Discover()
    {
        foreach (var type in Assemblies.SelectMany(a => a.GetTypes()))
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                         .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string)))
            {
                var value = (string)field.GetRawConstantValue()!;
                if (field.Name == "SectionName")
                {
                    foreach (var setting in Walk(type, value, type))
                    {
                        yield return setting;
                    }
                }
                else if (field.Name.EndsWith("Section", StringComparison.Ordinal)
                    && type.GetProperty(field.Name[..^"Section".Length]) is { } property)
                {
                    foreach (var setting in WalkValue(property.PropertyType, value, type, property))
                    {
                        yield return setting;
                    }
                }
                else if (value.StartsWith("Carlos:", StringComparison.Ordinal)
                    && (field.Name.EndsWith("Key", StringComparison.Ordinal)
                        || field.Name.EndsWith("Setting", StringComparison.Ordinal)))
                {
                    yield return new Setting(value, type, null, Required: false);
                }
            }
        }
    }

    private static IEnumerable<Setting> Walk(Type type, string prefix, Type owner)
    {
        var defaults = type.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(type) : null;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.CanWrite || IsCollection(p.PropertyType)))
        {
            var path = $"{prefix}:{property.Name}";
            if (IsSimple(property.PropertyType))
            {
                var value = defaults is null ? null : property.GetValue(defaults);
                var required = property.GetCustomAttribute<RequiredAttribute>() is not null
                    && (value is null || value is string { Length: 0 });
                yield return new Setting(path, owner, property, required);
                continue;
            }

            foreach (var setting in WalkValue(property.PropertyType, path, owner, property))
            {
                yield return setting;
            }
        }
    }

    private static IEnumerable<Setting> WalkValue(Type type, string path, Type owner, PropertyInfo property)
    {
        if (IsSimple(type))
        {
            return [new Setting(path, owner, property, Required: false)];
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return WalkValue(type.GetGenericArguments()[1], $"{path}:*", owner, property);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            return WalkValue(type.GetGenericArguments()[0], $"{path}:*", owner, property);
        }

        return Walk(type, path, owner);
    }

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
            || type == typeof(TimeSpan) || type == typeof(DateTimeOffset) || type == typeof(Uri);
    }

    private static HashSet<string> AppSettingsKeys()
    {
        var root = LayeringTests.FindRepositoryRoot();
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            // The host's environment, as ASP.NET Core reads it from its prefixed variables.
            "ASPNETCORE_" + Microsoft.AspNetCore.Hosting.WebHostDefaults.EnvironmentKey.ToUpperInvariant(),
        };
        foreach (var project in new[] { "Carlos.Gateway", "Carlos.Silo" })
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, project, "appsettings.json")));
            Flatten(json.RootElement, "", keys);
        }

        return keys;
    }

    private static void Flatten(JsonElement element, string prefix, HashSet<string> keys)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            keys.Add(prefix);
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            Flatten(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}", keys);
        }
    }

    /// <summary>One key (a pattern when it has <c>*</c>) and where the code binds it.</summary>
    internal sealed record Setting(string Pattern, Type Owner, PropertyInfo? Property, bool Required)
    {
        public bool Matches(string key)
        {
            var wanted = Pattern.Split(':');
            var given = key.Split(':');
            return wanted.Length == given.Length && wanted.Zip(given).All(p =>
                p.First == "*" || string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));
        }
    }
}
