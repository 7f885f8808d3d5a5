using System.Security.Cryptography;
using Carlos.Contracts.Identity;
using Carlos.Grains.Hosting;

namespace Carlos.Gateway.Hosting;

/// <summary>
/// The conveniences of a one-process Carlos: a development tenant and key (embedded mode, or the Development
/// environment), and a random pepper when nothing is stored beyond the process. Elsewhere no default key exists.
/// </summary>
internal static class DevelopmentIdentity
{
    public const string ApiKeySetting = "Carlos:Development:ApiKey";
    public const string PepperSetting = "Carlos:Auth:Pepper";

    public static bool IsEnabled(WebApplicationBuilder builder, CarlosClusterOptions cluster) =>
        cluster.Mode == ClusterMode.Embedded || builder.Environment.IsDevelopment();

    /// <summary>Fills in what one process may make up for itself, and says so on the console.</summary>
    public static void Apply(WebApplicationBuilder builder, CarlosClusterOptions cluster, CarlosRedisOptions redis)
    {
        var settings = new Dictionary<string, string?>();
        var ownsEverything = cluster.Mode == ClusterMode.Embedded && !redis.IsConfigured;
        if (ownsEverything && string.IsNullOrEmpty(builder.Configuration[PepperSetting]))
        {
            settings[PepperSetting] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        }

        if (cluster.Mode == ClusterMode.Embedded && string.IsNullOrEmpty(builder.Configuration[ApiKeySetting]))
        {
            var (_, key, _) = ApiKeys.Generate();
            settings[ApiKeySetting] = key;
            // Printed on the console, not logged: it is the one secret a person must see to get started.
            Console.WriteLine($"warning: {ApiKeySetting} is not set; this run's development key (tenant dev) is:");
            Console.WriteLine($"    {key}");
        }

        if (settings.Count > 0)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
    }
}
