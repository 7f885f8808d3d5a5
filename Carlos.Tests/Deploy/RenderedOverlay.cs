using System.Collections.Concurrent;
using System.Diagnostics;
using Carlos.Tests.Architecture;
using k8s;
using k8s.Models;

namespace Carlos.Tests.Deploy;

/// <summary>
/// An overlay of <c>deploy/</c> as <c>kubectl kustomize</c> renders it, parsed strictly against the Kubernetes
/// schema: an unknown field anywhere fails the parse.
/// </summary>
internal sealed class RenderedOverlay
{
    private static readonly ConcurrentDictionary<string, Lazy<RenderedOverlay>> Cache = new();

    private RenderedOverlay(string name, string yaml)
    {
        Name = name;
        Yaml = yaml;
        Objects = KubernetesYaml.LoadAllFromString(yaml, strict: true);
    }

    public static string DeployRoot => Path.Combine(LayeringTests.FindRepositoryRoot(), "deploy");

    public string Name { get; }

    public string Yaml { get; }

    public IReadOnlyList<object> Objects { get; }

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public T One<T>(string name) where T : IMetadata<V1ObjectMeta> =>
        Assert.Single(Objects.OfType<T>(), o => o.Metadata.Name == name);

    public V1Deployment Silo => One<V1Deployment>("carlos-silo");

    public V1Deployment Gateway => One<V1Deployment>("carlos-gateway");

    public V1ConfigMap Config => One<V1ConfigMap>("carlos-config");

    public static RenderedOverlay Of(string overlay) =>
        Cache.GetOrAdd(overlay, o => new Lazy<RenderedOverlay>(() => new RenderedOverlay(o, Render(o)))).Value;

    /// <summary>The example secrets, which no overlay includes, parsed as strictly.</summary>
    public static IReadOnlyList<V1Secret> ExampleSecrets() =>
        KubernetesYaml.LoadAllFromString(
            File.ReadAllText(Path.Combine(DeployRoot, "examples", "secrets.example.yaml")), strict: true)
            .Cast<V1Secret>().ToList();

    private static string Render(string overlay)
    {
        var start = new ProcessStartInfo("kubectl")
        {
            ArgumentList = { "kustomize", Path.Combine(DeployRoot, "overlays", overlay) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = StartKubectl(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException($"kubectl kustomize {overlay} did not finish in 60 s.");
        }

        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"kubectl kustomize {overlay} failed: {error.Result}");
    }

    private static Process StartKubectl(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                "kubectl is not installed; it renders the overlays (kubectl kustomize, with kustomize 5).", ex);
        }
    }
}
