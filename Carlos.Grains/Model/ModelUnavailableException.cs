namespace Carlos.Grains.Model;

/// <summary>
/// A model could not answer even after retries and waiting for its circuit. The message is safe to show users:
/// it names the deployment and what went wrong, never a key or a prompt.
/// </summary>
public sealed class ModelUnavailableException : Exception
{
    public ModelUnavailableException()
    {
    }

    public ModelUnavailableException(string message) : base(message)
    {
    }

    public ModelUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
