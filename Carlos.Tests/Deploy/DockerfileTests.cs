using System.Text.RegularExpressions;
using System.Xml.Linq;
using Carlos.Tests.Architecture;

namespace Carlos.Tests.Deploy;

/// <summary>
/// Images cannot be built here, so the Dockerfiles are read instead: pinned bases, a runtime stage without the SDK
/// running as a non-root user, and every path, project and entry assembly they name present in the repository.
/// </summary>
public sealed partial class DockerfileTests
{
    public static TheoryData<string, string> Images => new()
    {
        { "silo.Dockerfile", "Carlos.Silo/Carlos.Silo.csproj" },
        { "gateway.Dockerfile", "Carlos.Gateway/Carlos.Gateway.csproj" },
    };

    private static string Root => LayeringTests.FindRepositoryRoot();

    [Theory]
    [MemberData(nameof(Images))]
    public void A_dockerfile_pins_its_bases_and_runs_the_runtime_image_as_a_non_root_user(string file, string project)
    {
        var lines = Instructions(file);
        var bases = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).ToList();

        Assert.True(bases.Count >= 2, "a multi-stage build");
        Assert.All(bases, b => Assert.Matches(@":\d+\.\d+\.\d+(-[a-z-]+)?$", b));
        Assert.Contains("/dotnet/sdk:", bases[0], StringComparison.Ordinal);
        Assert.Contains("/dotnet/aspnet:", bases[^1], StringComparison.Ordinal);
        var sdk = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "global.json")))
            .RootElement.GetProperty("sdk").GetProperty("version").GetString();
        Assert.EndsWith($":{sdk}", bases[0], StringComparison.Ordinal);

        var runtime = lines.SkipWhile(l => !l.StartsWith($"FROM {bases[^1]}", StringComparison.Ordinal)).ToList();
        var user = Assert.Single(runtime, l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..];
        Assert.DoesNotMatch("^(0|root)(:|$)", user);
        Assert.DoesNotContain(runtime, l => l.StartsWith("RUN ", StringComparison.Ordinal));
        Assert.Contains(Path.GetFileName(project), string.Join('\n', lines), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void A_dockerfile_copies_paths_that_exist_and_every_project_its_entry_project_needs(string file, string project)
    {
        var lines = Instructions(file);
        var sources = lines
            .Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1]).ToList();
        Assert.All(sources, s => Assert.True(File.Exists(Path.Combine(Root, s)) || Directory.Exists(Path.Combine(Root, s)),
            $"{file} copies {s}, which does not exist"));

        foreach (var needed in ProjectClosure(project))
        {
            Assert.Contains(needed, sources);
            Assert.Contains(Path.GetDirectoryName(needed)!.Replace('\\', '/') + "/", sources);
        }

        var publish = Assert.Single(lines, l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal));
        Assert.Contains($" {project} ", publish, StringComparison.Ordinal);
        var entry = Assert.Single(lines, l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal));
        Assert.Equal($"ENTRYPOINT [\"dotnet\", \"{AssemblyName(project)}.dll\"]", entry);
    }

    /// <summary>The Dockerfile's instructions, continuation lines joined and comments dropped.</summary>
    private static List<string> Instructions(string file)
    {
        var text = File.ReadAllText(Path.Combine(Root, "deploy", "docker", file));
        return Continuation().Replace(text, " ").Split('\n')
            .Select(l => Spaces().Replace(l.Trim(), " "))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
    }

    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(current)!;
            foreach (var reference in XDocument.Load(Path.Combine(Root, current)).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', '/');
                var path = Path.GetFullPath(Path.Combine(Root, directory, include));
                pending.Push(Path.GetRelativePath(Root, path).Replace('\\', '/'));
            }
        }

        return seen;
    }

    private static string AssemblyName(string project) =>
        XDocument.Load(Path.Combine(Root, project)).Descendants("AssemblyName").FirstOrDefault()?.Value
        ?? Path.GetFileNameWithoutExtension(project);

    [GeneratedRegex(@"\\\r?\n\s*")]
    private static partial Regex Continuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
