using System.Globalization;
using Carlos.Gateway.Streaming;
using Carlos.Grains.Hosting;
using Carlos.Telemetry;
using k8s.Models;
using Orleans.Hosting.Kubernetes;

namespace Carlos.Tests.Deploy;

/// <summary>
/// The manifests against the code: every variable and port they set is one the code reads, and every setting the
/// code requires is given. The code's settings come from its options types (see <see cref="CodeSettings"/>).
/// </summary>
public sealed class ManifestDriftTests
{
    public static TheoryData<string> Overlays => new() { "dev", "prod" };

    /// <summary>Variables that libraries read rather than Carlos's options, named by the libraries' own constants.</summary>
    private static readonly string[] LibraryVariables =
    [
        KubernetesHostingOptions.PodNameEnvironmentVariable,
        KubernetesHostingOptions.PodNamespaceEnvironmentVariable,
        KubernetesHostingOptions.PodIPEnvironmentVariable,
        KubernetesHostingOptions.ServiceIdEnvironmentVariable,
        KubernetesHostingOptions.ClusterIdEnvironmentVariable,
        TelemetryOptions.OtlpEndpointVariable,
    ];

    [Fact]
    public void The_code_settings_are_found_from_the_options_types()
    {
        string[] expected =
        [
            "Carlos:Cluster:Mode", "Carlos:Redis:ConnectionString", "Carlos:Auth:Pepper", "Carlos:AdminApiKey",
            "Carlos:Tenants:*:Keys:*:Hash", "Carlos:Plans:*:RateLimits:*:PermitLimit", "Carlos:RateLimits:*:Window",
            "Carlos:Streams:HeartbeatInterval", "Carlos:Workflow:RevisionRounds", "Carlos:Model:Builtin:TokensPerSecond",
            "Carlos:Shutdown:Timeout", "Carlos:Telemetry:TenantLabels", "Carlos:Dashboard:Enabled",
        ];
        Assert.All(expected, key => Assert.Contains(CodeSettings.All, s => s.Pattern == key));
        Assert.Contains(CodeSettings.All, s => s.Pattern == "Carlos:Auth:Pepper" && s.Required);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_variable_the_manifests_set_is_one_the_code_reads(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        var examples = RenderedOverlay.ExampleSecrets().ToDictionary(s => s.Metadata.Name);
        foreach (var (deployment, container) in CarlosContainers(rendered))
        {
            var names = VariablesOf(rendered, container, examples).Keys;
            var unread = names.Where(n => !LibraryVariables.Contains(n)
                && !CodeSettings.IsRead(CodeSettings.FromEnvironmentName(n))).ToList();
            Assert.True(unread.Count == 0, $"{overlay}/{deployment}: no code reads {string.Join(", ", unread)}");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_required_setting_is_given_to_the_process_that_binds_it(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        var examples = RenderedOverlay.ExampleSecrets().ToDictionary(s => s.Metadata.Name);
        var gateway = VariablesOf(rendered, rendered.Gateway.Spec.Template.Spec.Containers[0], examples);
        var silo = VariablesOf(rendered, rendered.Silo.Spec.Template.Spec.Containers[0], examples);

        foreach (var setting in CodeSettings.All.Where(s => s.Required))
        {
            // Gateway options bind in the gateway; grain options in the silos (the gateway runs as a client here).
            var given = setting.Owner.Assembly == typeof(Carlos.Gateway.Hosting.GatewayApp).Assembly ? gateway : silo;
            Assert.True(given.Keys.Any(n => setting.Matches(CodeSettings.FromEnvironmentName(n))),
                $"{overlay}: {setting.Pattern} is required by {setting.Owner.Name} and not given");
        }

        // Separate processes only find each other, and keep state, through Redis.
        Assert.Contains("Carlos__Redis__ConnectionString", gateway.Keys);
        Assert.Contains("Carlos__Redis__ConnectionString", silo.Keys);
        Assert.Equal("Client", gateway["Carlos__Cluster__Mode"]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_port_is_one_the_code_listens_on_and_probes_use_the_health_endpoints(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        var cluster = new CarlosClusterOptions();
        var http = new Uri(rendered.Config.Data["Urls"].Replace("+", "localhost", StringComparison.Ordinal)).Port;

        var gateway = rendered.Gateway.Spec.Template.Spec.Containers[0];
        Assert.Equal([http], gateway.Ports.Select(p => p.ContainerPort));
        var silo = rendered.Silo.Spec.Template.Spec.Containers[0];
        Assert.Equal([http, cluster.SiloPort, cluster.GatewayPort], silo.Ports.Select(p => p.ContainerPort));

        foreach (var container in new[] { gateway, silo })
        {
            var names = container.Ports.Select(p => p.Name).ToHashSet();
            Assert.Equal("/readyz", container.ReadinessProbe.HttpGet.Path);
            Assert.Equal("/healthz", container.LivenessProbe.HttpGet.Path);
            Assert.Contains(container.ReadinessProbe.HttpGet.Port.Value, names);
            Assert.Contains(container.LivenessProbe.HttpGet.Port.Value, names);
        }

        var policy = rendered.One<V1NetworkPolicy>("carlos-silo");
        var ports = policy.Spec.Ingress.SelectMany(r => r.Ports).Select(p => p.Port.Value).ToList();
        Assert.All(ports, p => Assert.Contains(p, silo.Ports.Select(c => c.Name)));
        var callers = policy.Spec.Ingress.SelectMany(r => r.FromProperty ?? []).Select(f => f.PodSelector.MatchLabels);
        Assert.All(callers, selector => Assert.All(new[] { rendered.Silo, rendered.Gateway }, d => Assert.All(selector,
            l => Assert.Equal(l.Value, d.Spec.Template.Metadata.Labels[l.Key]))));

        var services = rendered.All<V1Service>().Where(s => s.Metadata.Name.StartsWith("carlos-", StringComparison.Ordinal));
        foreach (var service in services)
        {
            var target = service.Metadata.Name == "carlos-silo" ? silo : gateway;
            Assert.All(service.Spec.Ports, p => Assert.Contains(p.TargetPort.Value, target.Ports.Select(c => c.Name)));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Silo_pods_carry_the_orleans_labels_with_the_ids_the_gateways_use(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        var labels = rendered.Silo.Spec.Template.Metadata.Labels;

        Assert.Equal(rendered.Config.Data["Carlos__Cluster__ServiceId"], labels[KubernetesHostingOptions.ServiceIdLabel]);
        Assert.Equal(rendered.Config.Data["Carlos__Cluster__ClusterId"], labels[KubernetesHostingOptions.ClusterIdLabel]);
        var env = rendered.Silo.Spec.Template.Spec.Containers[0].Env.ToDictionary(e => e.Name);
        Assert.Equal($"metadata.labels['{KubernetesHostingOptions.ServiceIdLabel}']",
            env["Carlos__Cluster__ServiceId"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal($"metadata.labels['{KubernetesHostingOptions.ClusterIdLabel}']",
            env[KubernetesHostingOptions.ClusterIdEnvironmentVariable].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("status.podIP", env[KubernetesHostingOptions.PodIPEnvironmentVariable].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("metadata.name", env[KubernetesHostingOptions.PodNameEnvironmentVariable].ValueFrom.FieldRef.FieldPath);

        var role = Assert.Single(rendered.All<V1Role>());
        var rule = Assert.Single(role.Rules);
        Assert.Equal(["pods"], rule.Resources);
        Assert.Equal(["get", "watch", "list", "patch"], rule.Verbs);
        Assert.Equal("carlos-silo", rendered.Silo.Spec.Template.Spec.ServiceAccountName);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Pods_stop_within_their_grace_period_roll_without_losing_capacity_and_run_locked_down(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        var shutdown = rendered.Config.Data.TryGetValue("Carlos__Shutdown__Timeout", out var text)
            ? TimeSpan.Parse(text, CultureInfo.InvariantCulture)
            : new ShutdownOptions().Timeout;

        foreach (var deployment in new[] { rendered.Silo, rendered.Gateway })
        {
            var pod = deployment.Spec.Template.Spec;
            var container = pod.Containers[0];
            var pause = container.Lifecycle?.PreStop?.Sleep?.Seconds ?? 0;
            Assert.True(pod.TerminationGracePeriodSeconds > pause + shutdown.TotalSeconds,
                $"{deployment.Metadata.Name}: grace {pod.TerminationGracePeriodSeconds} s is not above {pause} s + {shutdown}");
            Assert.Equal("0", deployment.Spec.Strategy.RollingUpdate.MaxUnavailable.Value);

            Assert.True(pod.SecurityContext.RunAsNonRoot);
            Assert.NotEqual(0, pod.SecurityContext.RunAsUser);
            Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);
            Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
            Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
            var tmp = Assert.Single(container.VolumeMounts, m => m.MountPath == "/tmp");
            Assert.NotNull(Assert.Single(pod.Volumes, v => v.Name == tmp.Name).EmptyDir);
            Assert.NotNull(container.Resources.Requests["cpu"]);
            Assert.NotNull(container.Resources.Limits["memory"]);

            var labels = deployment.Spec.Template.Metadata.Labels;
            Assert.Single(rendered.All<V1PodDisruptionBudget>(), p => p.Spec.Selector.MatchLabels
                .All(l => labels.TryGetValue(l.Key, out var value) && value == l.Value));
            Assert.Single(rendered.All<V2HorizontalPodAutoscaler>(),
                h => h.Spec.ScaleTargetRef.Name == deployment.Metadata.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_ingress_routes_only_the_api_and_the_page_and_outwaits_the_stream_heartbeat(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        var ingress = Assert.Single(rendered.All<V1Ingress>());
        var heartbeat = rendered.Config.Data.TryGetValue("Carlos__Streams__HeartbeatInterval", out var text)
            ? TimeSpan.Parse(text, CultureInfo.InvariantCulture)
            : new StreamOptions().HeartbeatInterval;

        var paths = ingress.Spec.Rules.SelectMany(r => r.Http.Paths).Select(p => (p.Path, p.PathType)).ToHashSet();
        Assert.Equal([("/v1", "Prefix"), ("/", "Exact")], paths);
        Assert.All(ingress.Spec.Rules.SelectMany(r => r.Http.Paths),
            p => Assert.Equal("carlos-gateway", p.Backend.Service.Name));

        var annotations = ingress.Metadata.Annotations;
        Assert.Equal("off", annotations["nginx.ingress.kubernetes.io/proxy-buffering"]);
        Assert.True(int.Parse(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"], CultureInfo.InvariantCulture)
            > heartbeat.TotalSeconds * 2);
    }

    [Fact]
    public void Dev_runs_one_of_each_with_its_own_redis_and_prod_runs_several_silos()
    {
        var dev = RenderedOverlay.Of("dev");
        var prod = RenderedOverlay.Of("prod");

        Assert.Equal(1, dev.Silo.Spec.Replicas);
        Assert.Equal(1, dev.Gateway.Spec.Replicas);
        Assert.Single(dev.All<V1Deployment>(), d => d.Metadata.Name == "redis");
        Assert.True(prod.Silo.Spec.Replicas >= 3);
        Assert.True(prod.One<V2HorizontalPodAutoscaler>("carlos-silo").Spec.MinReplicas >= 3);
        Assert.DoesNotContain(prod.All<V1Deployment>(), d => d.Metadata.Name == "redis");
        Assert.Contains("ssl=true", RenderedOverlay.ExampleSecrets().Single(s => s.Metadata.Name == "carlos-redis")
            .StringData["connection-string"], StringComparison.Ordinal);
    }

    private static IEnumerable<(string Deployment, V1Container Container)> CarlosContainers(RenderedOverlay rendered) =>
        new[] { rendered.Silo, rendered.Gateway }
            .SelectMany(d => d.Spec.Template.Spec.Containers.Select(c => (d.Metadata.Name, c)));

    /// <summary>What a container's environment holds: its own variables, then the ConfigMaps' and Secrets' keys.</summary>
    private static Dictionary<string, string?> VariablesOf(
        RenderedOverlay rendered, V1Container container, Dictionary<string, V1Secret> examples)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var source in container.EnvFrom ?? [])
        {
            var data = source.ConfigMapRef is { } map
                ? rendered.One<V1ConfigMap>(map.Name).Data
                : examples[source.SecretRef.Name].StringData ?? new Dictionary<string, string>();
            foreach (var (key, value) in data)
            {
                variables[key] = value;
            }
        }

        foreach (var variable in container.Env ?? [])
        {
            variables[variable.Name] = variable.Value;
        }

        return variables;
    }
}
