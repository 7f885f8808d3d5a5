using Carlos.Gateway.Hosting;
using Carlos.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Carlos.Tests.Documents;

public sealed class DocumentOptionsTests
{
    [Theory]
    [InlineData("Carlos:Documents:MaxUploadBytes", "0", "MaxUploadBytes")]
    [InlineData("Carlos:Documents:ExtractionTimeout", "00:00:00", "ExtractionTimeout")]
    [InlineData("Carlos:Documents:MaxDecompressedBytes", "10", "MaxDecompressedBytes")]
    public async Task A_wrong_document_setting_stops_start_up_naming_it(string key, string value, string member)
    {
        await using var app = GatewayApp.Build(["--environment", "Development"], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["Carlos:Cluster:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Carlos:Cluster:GatewayPort"] =
                    FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                [key] = value,
            }));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        // The gateway and the embedded silo read the same section, so one wrong value can fail both.
        var failures = error is AggregateException all ? all.InnerExceptions : [error];
        Assert.All(failures, f => Assert.IsType<OptionsValidationException>(f));
        Assert.Contains(member, error.Message, StringComparison.Ordinal);
    }
}
