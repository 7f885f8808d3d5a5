using Carlos.Contracts.Documents;
using Carlos.Contracts.Identity;
using Carlos.Silo.Hosting;
using Carlos.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Carlos.Tests.Redis;

public sealed class DocumentRestartTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private readonly string _clusterId = $"documents-{Guid.NewGuid():N}";

    private WebApplication StartSilo() => SiloApp.Build([], builder =>
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Carlos:Redis:ConnectionString"] = redis.ConnectionString,
            ["Carlos:Cluster:ClusterId"] = _clusterId,
            ["Carlos:Cluster:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Carlos:Cluster:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Logging.ClearProviders();
    });

    [Fact]
    public async Task A_document_survives_a_silo_restart_on_redis()
    {
        var caller = new Caller($"tenant-{Guid.NewGuid():N}", "alice");
        DocumentSnapshot stored;
        var first = StartSilo();
        await first.StartAsync();
        try
        {
            var grains = first.Services.GetRequiredService<IGrainFactory>();
            var bytes = DocumentFiles.Read("handbook.docx");
            stored = await GrainUploads.UploadAndWaitAsync(grains, caller, bytes, "handbook.docx");
            Assert.Equal(DocumentStatus.Completed, stored.Status);
        }
        finally
        {
            await first.StopAsync();
            await first.DisposeAsync();
        }

        var second = StartSilo();
        await second.StartAsync();
        try
        {
            var grains = second.Services.GetRequiredService<IGrainFactory>();
            var read = await grains.GetGrain<IDocumentGrain>(stored.Id).GetAsync(caller, includeText: true);

            Assert.NotNull(read);
            Assert.Equal(DocumentStatus.Completed, read.Status);
            Assert.Equal(stored.Text, read.Text);
            Assert.Equal("handbook.docx", read.FileName);
            Assert.Contains(await grains.GetGrain<IDocumentLibraryGrain>(caller.TenantId).ListAsync(caller),
                d => d.Id == stored.Id);
        }
        finally
        {
            await second.StopAsync();
            await second.DisposeAsync();
        }
    }
}
