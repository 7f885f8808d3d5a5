namespace Carlos.Grains.Hosting;

/// <summary>The Redis that holds clustering, grain state and reminders (<c>Carlos:Redis</c>).</summary>
public sealed class CarlosRedisOptions
{
    public const string SectionName = "Carlos:Redis";

    /// <summary>
    /// A StackExchange.Redis connection string (<c>host:port,password=...,ssl=true</c>). Unset (the default) means
    /// localhost clustering with in-memory state, which is lost when the process stops. Never logged.
    /// </summary>
    public string? ConnectionString { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);
}
