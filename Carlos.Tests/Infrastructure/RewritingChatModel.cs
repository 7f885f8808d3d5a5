using System.Runtime.CompilerServices;
using System.Text;
using Carlos.Grains.Model;

namespace Carlos.Tests.Infrastructure;

/// <summary>A model that answers as another one does, with each whole answer passed through a rewrite first.</summary>
internal sealed class RewritingChatModel(IChatModel inner, Func<AgentRole, string, string> rewrite) : IChatModel
{
    public string Name => inner.Name;

    public async IAsyncEnumerable<ModelChunk> StreamAsync(
        ModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        ModelChunk? usage = null;
        await foreach (var chunk in inner.StreamAsync(request, cancellationToken))
        {
            text.Append(chunk.Text);
            if (chunk.Usage is not null)
            {
                usage = chunk;
            }
        }

        yield return new ModelChunk(rewrite(request.Role, text.ToString()), null);
        if (usage is { } last)
        {
            yield return last with { Text = null };
        }
    }
}
