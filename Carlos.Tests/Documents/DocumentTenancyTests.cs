using Carlos.Contracts.Designs;
using Carlos.Contracts.Documents;
using Carlos.Contracts.Identity;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Documents;

[Collection(ClusterCollection.Name)]
public sealed class DocumentTenancyTests(TestClusterFixture fixture)
{
    private static Caller NewCaller(string user = "alice") => new($"tenant-{Guid.NewGuid():N}", user);

    [Fact]
    public async Task Another_tenant_cannot_read_follow_list_or_delete_a_document()
    {
        var (alice, eve) = (NewCaller(), NewCaller("eve"));
        var document = await GrainUploads.UploadAndWaitAsync(fixture.Grains, alice,
            DocumentFiles.Read("requirements.docx"), "requirements.docx");
        var grain = fixture.Grains.GetGrain<IDocumentGrain>(document.Id);

        Assert.Equal(DocumentStatus.Completed, document.Status);
        Assert.Null(await grain.GetAsync(eve, includeText: true));
        Assert.Null(await grain.WaitForChangeAsync(eve, 0, TimeSpan.FromSeconds(1)));
        Assert.False(await grain.DeleteAsync(eve));
        Assert.Empty(await fixture.Grains.GetGrain<IDocumentLibraryGrain>(eve.TenantId).ListAsync(eve));
        Assert.Empty(await fixture.Grains.GetGrain<IDocumentLibraryGrain>(alice.TenantId).ListAsync(eve));
        Assert.Contains(await fixture.Grains.GetGrain<IDocumentLibraryGrain>(alice.TenantId).ListAsync(alice),
            d => d.Id == document.Id);
        Assert.NotNull(await grain.GetAsync(alice, includeText: true));
    }

    [Fact]
    public async Task Another_user_of_the_tenant_needs_the_admin_role_to_see_a_document()
    {
        var alice = NewCaller();
        var bob = alice with { UserId = "bob" };
        var admin = alice with { UserId = "root", Role = CallerRole.TenantAdmin };
        var document = await GrainUploads.UploadAndWaitAsync(fixture.Grains, alice,
            DocumentFiles.Read("notes-bom.md"), "notes.md");
        var grain = fixture.Grains.GetGrain<IDocumentGrain>(document.Id);

        Assert.Null(await grain.GetAsync(bob, includeText: false));
        Assert.NotNull(await grain.GetAsync(admin, includeText: false));
        Assert.Empty(await fixture.Grains.GetGrain<IDocumentLibraryGrain>(alice.TenantId).ListAsync(bob));
    }

    [Fact]
    public async Task Extraction_records_its_duration_by_kind_and_outcome()
    {
        var measured = new System.Collections.Concurrent.ConcurrentBag<(double Seconds, string Tags)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument is { Meter.Name: "Carlos", Name: "carlos.documents.extraction.duration" })
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            measured.Add((value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.Start();

        var docx = DocumentFiles.Read("requirements.docx");
        await GrainUploads.UploadAndWaitAsync(fixture.Grains, NewCaller(), docx, "r.docx");

        Assert.Contains(measured, m => m.Seconds > 0
            && m.Tags.Contains("carlos.document.kind=docx", StringComparison.Ordinal)
            && m.Tags.Contains("carlos.document.outcome=completed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_abandoned_upload_leaves_no_chunk_and_no_document_behind()
    {
        var alice = NewCaller();
        var id = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<IDocumentGrain>(id);
        Assert.True(await grain.BeginUploadAsync(alice, "big.txt", DocumentKind.Text));
        Assert.True(await grain.AppendChunkAsync(alice, 0, new byte[IDocumentGrain.ChunkBytes]));
        Assert.True(await grain.AppendChunkAsync(alice, 1, new byte[10]));
        Assert.False(await grain.AppendChunkAsync(alice, 5, new byte[10]));

        await grain.AbandonUploadAsync(alice);

        Assert.Null(await grain.GetAsync(alice, includeText: false));
        foreach (var index in new[] { 0, 1 })
        {
            var chunk = fixture.Grains.GetGrain<Carlos.Grains.Documents.IDocumentChunkGrain>(
                Carlos.Grains.Documents.DocumentChunkGrain.Key(id, index));
            Assert.Empty(await chunk.ReadAsync());
        }
    }

    [Fact]
    public async Task Another_tenants_document_cannot_be_used_in_a_design()
    {
        var (alice, eve) = (NewCaller(), NewCaller("eve"));
        var document = await GrainUploads.UploadAndWaitAsync(fixture.Grains, alice,
            DocumentFiles.Read("requirements.docx"), "requirements.docx");

        var design = fixture.Grains.GetGrain<IDesignWorkflowGrain>(Guid.NewGuid());
        var started = await design.StartAsync(eve,
            new DesignRequest("A web shop", new DesignSettings(), DocumentIds: [document.Id]));

        Assert.Equal(DesignStatus.Failed, started!.Summary.Status);
        var snapshot = (await design.GetAsync(eve))!;
        Assert.Empty(snapshot.DocumentIds);
        Assert.Contains("not a completed document of yours", snapshot.Error, StringComparison.Ordinal);
        Assert.Null(snapshot.DesignMarkdown);
    }

    [Fact]
    public async Task The_owner_can_use_a_completed_document_in_a_design_and_the_design_records_it()
    {
        var alice = NewCaller();
        var document = await GrainUploads.UploadAndWaitAsync(fixture.Grains, alice,
            DocumentFiles.Read("requirements.pdf"), "requirements.pdf");

        var design = fixture.Grains.GetGrain<IDesignWorkflowGrain>(Guid.NewGuid());
        await design.StartAsync(alice,
            new DesignRequest("A web shop", new DesignSettings(), DocumentIds: [document.Id]));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        DesignSnapshot snapshot;
        while (!(snapshot = (await design.GetAsync(alice))!).Status.IsTerminal())
        {
            await Task.Delay(50, cancel.Token);
        }

        Assert.Equal([document.Id], snapshot.DocumentIds);
        Assert.Contains("Service Bus", snapshot.DesignMarkdown, StringComparison.Ordinal);
    }
}
