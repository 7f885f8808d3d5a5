namespace Carlos.Grains.Model;

/// <summary>
/// The one narrow door through which agents reach a model. Implementations stream the answer as it is produced and
/// end with a chunk carrying the call's token usage.
/// </summary>
public interface IChatModel
{
    /// <summary>A short name recorded on designs: <c>builtin</c>, or the deployment name.</summary>
    string Name { get; }

    IAsyncEnumerable<ModelChunk> StreamAsync(ModelRequest request, CancellationToken cancellationToken);
}
