using k8s.Models;

namespace Carlos.Tests.Deploy;

public sealed class ManifestSchemaTests
{
    public static TheoryData<string> Overlays => new() { "dev", "prod" };

    [Theory]
    [MemberData(nameof(Overlays))]
    public void An_overlay_renders_and_parses_strictly_with_every_part_of_the_deployment(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);

        Assert.NotNull(rendered.Silo);
        Assert.NotNull(rendered.Gateway);
        Assert.NotNull(rendered.Config);
        Assert.Single(rendered.All<V1ServiceAccount>(), a => a.Metadata.Name == "carlos-silo");
        Assert.Single(rendered.All<V1Role>());
        Assert.Single(rendered.All<V1RoleBinding>());
        Assert.Equal(2, rendered.All<V1PodDisruptionBudget>().Count());
        Assert.Equal(2, rendered.All<V2HorizontalPodAutoscaler>().Count());
        Assert.Single(rendered.All<V1Ingress>());
        Assert.Single(rendered.All<V1Namespace>());
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void An_overlay_holds_no_secret_and_every_secret_it_references_is_in_the_example_file(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        var examples = RenderedOverlay.ExampleSecrets().ToDictionary(s => s.Metadata.Name);

        Assert.Empty(rendered.All<V1Secret>());
        foreach (var container in rendered.All<V1Deployment>().SelectMany(d => d.Spec.Template.Spec.Containers))
        {
            var references = container.Env?.Select(e => e.ValueFrom?.SecretKeyRef).OfType<V1SecretKeySelector>() ?? [];
            foreach (var reference in references)
            {
                Assert.True(examples.TryGetValue(reference.Name, out var secret), $"{reference.Name} is not in the examples");
                Assert.Contains(reference.Key, secret.StringData.Keys);
            }

            foreach (var reference in container.EnvFrom?.Select(e => e.SecretRef).OfType<V1SecretEnvSource>() ?? [])
            {
                Assert.True(examples.ContainsKey(reference.Name), $"{reference.Name} is not in the example file");
            }

            // A value written in the manifest is not secret: anything that looks like one must come from a Secret.
            Assert.DoesNotContain(container.Env ?? [], e => e.Value is not null && LooksSecret(e.Name));
        }

        Assert.DoesNotContain(rendered.Config.Data.Keys, LooksSecret);
    }

    [Fact]
    public void Every_image_is_pinned_to_a_version_tag()
    {
        foreach (var overlay in new[] { "dev", "prod" })
        {
            var images = RenderedOverlay.Of(overlay).All<V1Deployment>()
                .SelectMany(d => d.Spec.Template.Spec.Containers).Select(c => c.Image).ToList();
            Assert.All(images, image => Assert.Matches(":[0-9A-Za-z][0-9A-Za-z._-]*$", image));
            Assert.DoesNotContain(images, image => image.EndsWith(":latest", StringComparison.Ordinal));
        }
    }

    private static bool LooksSecret(string name) =>
        new[] { "password", "pepper", "apikey", "secret", "connectionstring", "hash" }
            .Any(word => name.Replace("_", "", StringComparison.Ordinal).Contains(word, StringComparison.OrdinalIgnoreCase));
}
