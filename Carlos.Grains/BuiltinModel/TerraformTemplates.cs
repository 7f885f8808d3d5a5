using System.Collections.Concurrent;

namespace Carlos.Grains.BuiltinModel;

/// <summary>The per-service azurerm templates bundled with the built-in Terraform coder.</summary>
internal static class TerraformTemplates
{
    private const string Prefix = "Carlos.Terraform.";
    private const string Suffix = ".tf.tmpl";
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The name of every bundled template, such as <c>baseline</c> or <c>aks</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(TerraformTemplates).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^Suffix.Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    public static string Get(string name) => Cache.GetOrAdd(name, static key =>
    {
        var resource = $"{Prefix}{key}{Suffix}";
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
