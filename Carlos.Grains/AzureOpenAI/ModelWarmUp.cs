using Carlos.Grains.Model;
using Microsoft.Extensions.Hosting;

namespace Carlos.Grains.AzureOpenAI;

/// <summary>
/// Builds the model's clients and loads the tokenizer's vocabulary while the host starts, so that the first design's
/// grain does not spend a second or more of its turn on it.
/// </summary>
internal sealed class ModelWarmUp(IChatModel model, PromptTokenCounter counter) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = model.Name;
        _ = counter.Count("warm up");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
