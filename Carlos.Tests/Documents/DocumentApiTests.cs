using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Documents;
using Carlos.Contracts.Serialization;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Documents;

[Collection(DocumentGatewayCollection.Name)]
public sealed class DocumentApiTests(DocumentGateway gateway)
{
    /// <summary>
    /// A client that waits for the answer to <c>Expect: 100-continue</c> as long as a busy machine needs (the default
    /// is 1 s), so that a refusal arrives before the body is sent rather than breaking the pipe under it.
    /// </summary>
    private HttpClient PatientClient()
    {
        var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = gateway.Client.BaseAddress,
        };
        client.DefaultRequestHeaders.Authorization = gateway.Client.DefaultRequestHeaders.Authorization;
        return client;
    }

    [Fact]
    public async Task Uploading_a_pdf_answers_202_pending_and_the_text_reads_back_when_completed()
    {
        using var response = await gateway.UploadAsync(DocumentFiles.Read("requirements.pdf"), "requirements.pdf");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("pending", body.GetProperty("status").GetString());
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/v1/documents/{id}", response.Headers.Location!.OriginalString);

        var document = await gateway.WaitAsync(id);
        Assert.Equal(DocumentStatus.Completed, document.Status);
        Assert.Equal(DocumentKind.Pdf, document.Kind);
        Assert.Equal(2, document.Pages);
        Assert.Equal(DocumentFiles.Read("requirements.pdf").Length, document.SizeBytes);
        Assert.Contains("online ordering with an Azure SQL database", document.Text, StringComparison.Ordinal);
        Assert.Equal(document.Text!.Length, document.Characters);
    }

    [Fact]
    public async Task A_docx_completes_with_its_headings_and_table_rows()
    {
        var document = await gateway.UploadAndWaitAsync(DocumentFiles.Read("requirements.docx"), "requirements.docx");

        Assert.Equal(DocumentStatus.Completed, document.Status);
        Assert.Equal(DocumentKind.Docx, document.Kind);
        Assert.Contains("## Non-functional requirements", document.Text, StringComparison.Ordinal);
        Assert.Contains("| Order database | 500 GB of data |", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_event_stream_reports_each_status_with_the_version_as_id()
    {
        using var response = await gateway.UploadAsync(DocumentFiles.Read("handbook.pdf"), "handbook.pdf");
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var events = await gateway.Client.GetAsync($"/v1/documents/{id}/events",
            HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        var seen = new List<SseMessage>();
        await foreach (var message in SseClient.ReadAsync(events, cancel.Token))
        {
            if (message.Data is not null)
            {
                seen.Add(message);
            }
        }

        Assert.Equal("completed", seen[^1].Event);
        var versions = seen.Select(m => long.Parse(m.Id!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(versions.Order(), versions);
        Assert.DoesNotContain("\"text\"", seen[^1].Data, StringComparison.Ordinal);

        using var resumed = await gateway.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/v1/documents/{id}/events")
        {
            Headers = { { "Last-Event-ID", seen[^1].Id } },
        }, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        var after = new List<SseMessage>();
        using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await foreach (var message in SseClient.ReadAsync(resumed, quick.Token))
        {
            if (message.Data is not null)
            {
                after.Add(message);
            }
        }

        Assert.Empty(after);
    }

    [Fact]
    public async Task The_list_shows_the_callers_documents_without_text_and_delete_removes_one()
    {
        var document = await gateway.UploadAndWaitAsync(DocumentFiles.Read("notes-bom.md"), "notes.md");

        var list = await gateway.Client.GetFromJsonAsync<List<DocumentSnapshot>>("/v1/documents", CarlosJson.Options);
        var listed = Assert.Single(list!, d => d.Id == document.Id);
        Assert.Null(listed.Text);
        Assert.Equal(DocumentKind.Markdown, listed.Kind);

        using var deleted = await gateway.Client.DeleteAsync($"/v1/documents/{document.Id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await gateway.Client.GetAsync($"/v1/documents/{document.Id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("https://carlos.dev/problems/not-found",
            JsonDocument.Parse(await gone.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString());
        list = await gateway.Client.GetFromJsonAsync<List<DocumentSnapshot>>("/v1/documents", CarlosJson.Options);
        Assert.DoesNotContain(list!, d => d.Id == document.Id);
        using var again = await gateway.Client.DeleteAsync($"/v1/documents/{document.Id}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_document_endpoints()
    {
        var json = await gateway.Client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/v1/documents/{id}/events\"", json, StringComparison.Ordinal);
        Assert.Contains("UploadDocument", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_of_no_known_type_gets_415_and_an_empty_file_400()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D };
        using var image = await gateway.UploadAsync(png, "diagram.png");
        using var zip = await gateway.UploadAsync(DocumentFiles.PlainZip(), "archive.docx");
        using var empty = await gateway.UploadAsync([], "empty.txt");
        using var json = await gateway.Client.PostAsync("/v1/documents", GatewayServer.Json("{}"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, image.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, zip.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal("application/problem+json", image.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"file\"", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_files_fail_with_their_reason_while_the_silo_keeps_serving()
    {
        var cases = new (byte[] File, string Name, string Reason)[]
        {
            (DocumentFiles.Read("requirements-encrypted.pdf"), "secret.pdf", "encrypted"),
            (DocumentFiles.Truncated("requirements.pdf"), "cut.pdf", "truncated"),
            (DocumentFiles.Truncated("requirements.docx"), "cut.docx", "corrupt"),
            (DocumentFiles.CorruptDocx(), "broken.docx", "corrupt"),
            (DocumentFiles.ZipBomb(inflatedBytes: 32 * 1024 * 1024), "bomb.docx", "zip bomb"),
            (DocumentFiles.PdfBomb(inflatedBytes: 32 * 1024 * 1024), "bomb.pdf", "decompression bomb"),
            (DocumentFiles.Read("requirements.pdf"), "requirements.docx", "name says DOCX but its content is PDF"),
        };

        var outcomes = await Task.WhenAll(cases.Select(c => gateway.UploadAndWaitAsync(c.File, c.Name)));

        foreach (var (outcome, expected) in outcomes.Zip(cases))
        {
            Assert.Equal(DocumentStatus.Failed, outcome.Status);
            Assert.Contains(expected.Reason, outcome.Error, StringComparison.Ordinal);
            Assert.Null(outcome.Text);
        }

        var healthy = await gateway.UploadAndWaitAsync(DocumentFiles.Read("requirements.docx"), "after.docx");
        Assert.Equal(DocumentStatus.Completed, healthy.Status);
        using var ready = await gateway.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(gateway.TempDirectory));
    }

    [Fact]
    public async Task A_file_name_with_a_path_and_control_characters_is_stored_sanitised()
    {
        var document = await gateway.UploadAndWaitAsync(Encoding.UTF8.GetBytes("Blob storage for invoices."),
            "../../etc/pass\u0007wd.txt");

        Assert.Equal("passwd.txt", document.FileName);
        Assert.Equal(DocumentStatus.Completed, document.Status);
    }

    [Fact]
    public async Task Text_beyond_the_configured_length_is_truncated_with_a_note()
    {
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("An event hub feeds stream analytics. ", 7_000)));

        var document = await gateway.UploadAndWaitAsync(text, "long.md");

        Assert.Equal(DocumentStatus.Completed, document.Status);
        Assert.True(document.Truncated);
        Assert.Contains("[Truncated:", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_50_MiB_upload_is_accepted_and_51_MiB_gets_413()
    {
        var line = "A virtual network with an application gateway and two AKS node pools.\n"u8.ToArray();
        var fifty = new byte[50 * 1024 * 1024];
        for (var i = 0; i < fifty.Length; i++)
        {
            fifty[i] = line[i % line.Length];
        }

        // How fast it is accepted is the documents benchmark's to measure (docs/documents.md), not a test's.
        using var accepted = await gateway.UploadAsync(fifty, "big.txt");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        var fiftyOne = new byte[51 * 1024 * 1024];
        fifty.CopyTo(fiftyOne, 0);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/documents")
        {
            Content = DocumentGateway.Form(fiftyOne, "bigger.txt"),
        };
        request.Headers.ExpectContinue = true;
        using var patient = PatientClient();
        using var refused = await patient.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("https://carlos.dev/problems/payload-too-large",
            JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString());

        var id = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var big = await gateway.WaitAsync(id);
        Assert.Equal(DocumentStatus.Completed, big.Status);
        Assert.Equal(fifty.Length, big.SizeBytes);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_gets_413_once_the_limit_is_passed()
    {
        var text = new byte[52 * 1024 * 1024];
        Array.Fill(text, (byte)'a');
        var form = new MultipartFormDataContent { { new StreamContent(new MemoryStream(text)), "file", "long.txt" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/documents") { Content = form };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.ExpectContinue = true;

        using var patient = PatientClient();
        using var response = await patient.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var list = await gateway.Client.GetFromJsonAsync<List<DocumentSnapshot>>("/v1/documents", CarlosJson.Options);
        Assert.DoesNotContain(list!, d => d.FileName == "long.txt" && d.SizeBytes > 50 * 1024 * 1024);
    }

    [Fact]
    public async Task A_design_reads_its_documents_as_fenced_material_and_records_them()
    {
        var document = await gateway.UploadAndWaitAsync(DocumentFiles.Read("requirements.docx"), "requirements.docx");
        var body = $$"""{"requirements":"An ordering platform as described in the document.","documentIds":["{{document.Id}}"]}""";

        using var started = await gateway.Client.PostAsync("/v1/designs", GatewayServer.Json(body));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var stream = await gateway.OpenEventsAsync(id, null, cancel.Token);
        await SseClient.ReadDesignEventsAsync(stream, cancel.Token);

        var design = await gateway.Client.GetFromJsonAsync<DesignSnapshot>($"/v1/designs/{id}", CarlosJson.Options);
        Assert.Equal(DesignStatus.Completed, design!.Status);
        Assert.Equal([document.Id], design.DocumentIds);
        Assert.Equal("An ordering platform as described in the document.", design.Requirements);
        Assert.Contains("redis", design.DesignMarkdown!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Service Bus", design.DesignMarkdown!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_design_with_an_unknown_or_failed_document_gets_400_naming_documentIds()
    {
        var failed = await gateway.UploadAndWaitAsync(DocumentFiles.Read("requirements-encrypted.pdf"), "locked.pdf");

        foreach (var id in new[] { Guid.NewGuid().ToString(), failed.Id.ToString(), "not-a-guid" })
        {
            var body = $$"""{"requirements":"AKS","documentIds":["{{id}}"]}""";
            using var response = await gateway.Client.PostAsync("/v1/designs", GatewayServer.Json(body));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.StartsWith("documentIds", problem.GetProperty("errors").EnumerateObject().Single().Name,
                StringComparison.Ordinal);
        }
    }
}

public sealed class DocumentTimeoutTests(ImpatientDocumentGateway gateway) : IClassFixture<ImpatientDocumentGateway>
{
    [Fact]
    public async Task With_a_tiny_time_limit_a_document_fails_as_timed_out_and_the_silo_keeps_serving()
    {
        var document = await gateway.UploadAndWaitAsync(DocumentFiles.Read("handbook.pdf"), "handbook.pdf");

        Assert.Equal(DocumentStatus.Failed, document.Status);
        Assert.Contains("timed out", document.Error, StringComparison.Ordinal);
        using var design = await gateway.Client.PostAsync("/v1/designs",
            GatewayServer.Json("""{"requirements":"Functions and Cosmos DB"}"""));
        Assert.Equal(HttpStatusCode.Accepted, design.StatusCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(gateway.TempDirectory));
    }
}
