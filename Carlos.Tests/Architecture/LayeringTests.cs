using System.Reflection;
using Carlos.Gateway.Hosting;

namespace Carlos.Tests.Architecture;

public sealed class LayeringTests
{
    private static readonly Assembly Gateway = typeof(GatewayApp).Assembly;
    private static readonly Assembly Grains = typeof(Carlos.Grains.Hosting.StorageNames).Assembly;

    [Fact]
    public void Gateway_endpoint_and_streaming_code_uses_contracts_only()
    {
        var offenders = Gateway.GetTypes()
            .Where(t => t.Namespace is "Carlos.Gateway.Endpoints" or "Carlos.Gateway.Streaming" or "Carlos.Gateway.Http"
                or "Carlos.Gateway.Identity")
            .SelectMany(t => ReferencedTypes(t).Select(r => (t, r)))
            .Where(x => x.r.Assembly == Grains)
            .Select(x => $"{x.t.FullName} -> {x.r.FullName}")
            .Distinct()
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Gateway_source_outside_hosting_never_imports_grain_namespaces()
    {
        var root = FindRepositoryRoot();
        var files = Directory.EnumerateFiles(Path.Combine(root, "Carlos.Gateway"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Hosting{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.DoesNotContain("Carlos.Grains", File.ReadAllText(f), StringComparison.Ordinal));
    }

    [Fact]
    public void Contracts_do_not_depend_on_grains_or_the_gateway()
    {
        var references = typeof(Carlos.Contracts.Designs.IDesignWorkflowGrain).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name).ToList();

        Assert.DoesNotContain("Carlos.Grains", references);
        Assert.DoesNotContain("Carlos.Gateway", references);
    }

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
            | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var field in type.GetFields(all))
        {
            yield return field.FieldType;
        }

        foreach (var method in type.GetMethods(all).Concat<MethodBase>(type.GetConstructors(all)))
        {
            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }

            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var local in method.GetMethodBody()?.LocalVariables ?? [])
            {
                yield return local.LocalType;
            }
        }

        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }
    }

    internal static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Carlos.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Carlos.sln not found above the test output.");
    }
}
