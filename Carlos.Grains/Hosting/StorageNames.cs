namespace Carlos.Grains.Hosting;

/// <summary>The grain storage providers the silo registers.</summary>
public static class StorageNames
{
    /// <summary>Designs, their events and everything else tenants store: Redis when configured, else memory.</summary>
    public const string Default = "carlos";
}
