using Carlos.Grains.Hosting;
using Carlos.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Hosting.Kubernetes;

namespace Carlos.Tests.Operations;

public sealed class KubernetesHostingTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("10.96.0.1", true)]
    public async Task Kubernetes_hosting_is_on_only_where_the_kubelet_set_its_service_host(string? host, bool expected)
    {
        // Built, never started: started outside a cluster, Kubernetes hosting would stop the silo.
        await using var app = SiloApp.Build([], builder => builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { [KubernetesDetection.ServiceHostVariable] = host }));

        var validators = app.Services.GetServices<IValidateOptions<KubernetesHostingOptions>>();
        Assert.Equal(expected, validators.Any());
    }
}
