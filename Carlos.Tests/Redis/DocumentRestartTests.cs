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
    public async Task An_extraction_cut_short_by_a_silo_stop_finishes_on_the_next_silo()
    {
        var caller = new Caller($"tenant-{Guid.NewGuid():N}", "alice");
        var file = DocumentFiles.Read("handbook.pdf");
        var id = Guid.NewGuid();
        var first = StartSilo();
        await first.StartAsync();
        try
        {
            var grain = first.Services.GetRequiredService<IGrainFactory>().GetGrain<IDocumentGrain>(id);
            Assert.True(await grain.BeginUploadAsync(caller, "handbook.pdf", DocumentKind.Pdf));
            Assert.True(await grain.AppendChunkAsync(caller, 0, file));
            Assert.NotNull(await grain.CompleteUploadAsync(caller, file.Length));
        }
        finally
        {
            // Stopping at once, while the 40 pages are most likely still being read.
            await first.StopAsync();
            await first.DisposeAsync();
        }

        var second = StartSilo();
        await second.StartAsync();
        try
        {
            var grain = second.Services.GetRequiredService<IGrainFactory>().GetGrain<IDocumentGrain>(id);
            var document = await GrainUploads.WaitAsync(grain, caller);

            Assert.True(document.Status == DocumentStatus.Completed, $"{document.Status}: {document.Error}");
            Assert.Equal(40, document.Pages);
            Assert.Contains("Chapter 40: platform requirements", document.Text, StringComparison.Ordinal);
        }
        finally
        {
            await second.StopAsync();
            await second.DisposeAsync();
        }
    }

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
