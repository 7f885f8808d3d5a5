using Carlos.Silo.Hosting;
using Microsoft.Extensions.Configuration;

namespace Carlos.Tests.Operations;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Carlos:Shutdown:Timeout", "00:30:00", "Carlos:Shutdown:Timeout")]
    [InlineData("Carlos:Dashboard:Enabled", "true", "Carlos:AdminApiKey")]
    [InlineData("Carlos:Dashboard:RoutePrefix", "dashboard", "Carlos:Dashboard:RoutePrefix")]
    public void A_wrong_operations_setting_stops_start_up_naming_the_key(string key, string value, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SiloApp.Build([], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Carlos:Dashboard:Enabled"] = key.StartsWith("Carlos:Dashboard", StringComparison.Ordinal) ? "true" : "false",
                [key] = value,
            })));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
