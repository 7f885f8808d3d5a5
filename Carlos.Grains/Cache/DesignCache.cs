using Carlos.Contracts.Cache;
using Carlos.Contracts.Designs;
using Carlos.Grains.Catalog;
using Carlos.Grains.Diagnostics;
using Carlos.Grains.Hosting;
using Carlos.Grains.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Carlos.Grains.Cache;

/// <summary>
/// What a design needs to use the cache: the options, the clock, the generic check, the metrics, and the versions
/// of the model and catalog that answer on this silo, which are part of every key.
/// </summary>
internal sealed class DesignCache(
    IOptions<DesignCacheOptions> options,
    ServiceCatalog catalog,
    IOptions<ModelOptions> model,
    IOptions<WorkflowOptions> workflow,
    DesignCacheMetrics metrics,
    [FromKeyedServices(DesignCacheOptions.ClockKey)] TimeProvider clock)
{
    private readonly GenericRequirements _generic = new(catalog, options.Value.MaxSharedLength);

    public DesignCacheOptions Options => options.Value;

    public TimeProvider Clock => clock;

    public DesignCacheMetrics Metrics => metrics;

    public GenericRequirements Generic => _generic;

    /// <summary>
    /// The model's version: the provider and, for Azure OpenAI, every deployment's model, API version and output
    /// limit, with the build of this assembly. The built-in model's rules and every agent's instructions are code in
    /// this assembly, so a change to any of them makes new keys and old entries are simply never hit again.
    /// </summary>
    public string ModelVersion { get; } = ModelVersionOf(model.Value);

    public string CatalogVersion => catalog.Version;

    /// <summary>
    /// The entry a request reads and writes: shared only when the tenant opted in and the requirements are generic.
    /// </summary>
    public string EntryKey(string tenantId, bool sharedScope, DesignRequest request)
    {
        var scope = sharedScope && _generic.IsGeneric(request.Requirements)
            ? DesignCacheScope.Shared
            : DesignCacheScope.Tenant;
        var hash = DesignCacheKey.Hash(request, ModelVersion, CatalogVersion, workflow.Value.RevisionRounds);
        return DesignCacheKey.EntryKey(scope, tenantId, hash);
    }

    private static string ModelVersionOf(ModelOptions model)
    {
        var build = typeof(DesignCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");
        if (model.Provider != ModelOptions.AzureOpenAIProvider)
        {
            return $"{ModelOptions.BuiltinProvider}@{build}";
        }

        var roles = model.Roles.OrderBy(r => r.Key, StringComparer.OrdinalIgnoreCase).Select(r => $"{r.Key}={r.Value}");
        var deployments = model.Deployments.OrderBy(d => d.Key, StringComparer.OrdinalIgnoreCase).Select(d =>
            $"{d.Key}={d.Value.Endpoint}|{d.Value.Deployment}|{d.Value.ApiVersion}|{d.Value.MaxOutputTokens}");
        return $"{ModelOptions.AzureOpenAIProvider}@{build};{string.Join(',', roles)};{string.Join(',', deployments)}";
    }
}
