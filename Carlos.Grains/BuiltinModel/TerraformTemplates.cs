using System.Collections.Concurrent;

namespace Carlos.Grains.BuiltinModel;

/// <summary>The per-service azurerm templates bundled with the built-in Terraform coder.</summary>
internal static class TerraformTemplates
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string Get(string name) => Cache.GetOrAdd(name, static key =>
    {
        var resource = $"Carlos.Terraform.{key}.tf.tmpl";
        using var stream = typeof(TerraformTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The Terraform template {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var text = template;
        foreach (var (key, value) in values)
        {
            text = text.Replace("{{" + key + "}}", value, StringComparison.Ordinal);
        }

        return text;
    }
}
