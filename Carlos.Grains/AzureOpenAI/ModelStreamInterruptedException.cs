namespace Carlos.Grains.AzureOpenAI;

/// <summary>A streamed answer stalled or ended before the model said it was done; the attempt is retried.</summary>
public sealed class ModelStreamInterruptedException : Exception
{
    public ModelStreamInterruptedException()
    {
    }

    public ModelStreamInterruptedException(string message) : base(message)
    {
    }

    public ModelStreamInterruptedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
