using System.Collections.Frozen;
using Carlos.Grains.Diagnostics;
using Carlos.Grains.Hosting;
using Carlos.Grains.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Carlos.Grains.AzureOpenAI;

/// <summary>
/// The model behind the <c>azure-openai</c> provider: every agent role is routed to its configured deployment
/// (<c>Carlos:Model:Roles</c>), and each deployment keeps one client and one resilience pipeline for the process.
/// </summary>
internal sealed class AzureOpenAIChatModel : IChatModel
{
    private readonly FrozenDictionary<AgentRole, ModelDeployment> _byRole;

    public AzureOpenAIChatModel(IOptions<ModelOptions> options, IModelCallGate gate, PromptTokenCounter counter,
        ModelMetrics metrics, TimeProvider time, ILogger<AzureOpenAIChatModel> logger)
    {
        var model = options.Value;
        var deployments = model.Deployments.ToDictionary(
            d => d.Key,
            d => new ModelDeployment(d.Key, d.Value, model.Resilience, gate, counter, metrics, time, logger),
            StringComparer.OrdinalIgnoreCase);
        _byRole = Enum.GetValues<AgentRole>().ToFrozenDictionary(
            role => role, role => deployments[ModelOptionsValidator.DeploymentFor(model, role)!]);
    }

    public string Name => ModelOptions.AzureOpenAIProvider;

    /// <summary>The deployment name a role's calls go to.</summary>
    public string DeploymentOf(AgentRole role) => _byRole[role].Name;

    public IAsyncEnumerable<ModelChunk> StreamAsync(ModelRequest request, CancellationToken cancellationToken) =>
        _byRole[request.Role].StreamAsync(request, cancellationToken);
}
