using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json;
using Carlos.Contracts.Documents;
using Carlos.Contracts.Serialization;

namespace Carlos.Tests.Infrastructure;

/// <summary>
/// A fast gateway for document tests, with its own temporary folder (so a test can see that nothing is left in it)
/// and a small zip-bomb cap.
/// </summary>
public class DocumentGateway : GatewayServer
{
    public DocumentGateway() : this(TimeSpan.FromMinutes(2))
    {
    }

    protected DocumentGateway(TimeSpan extractionTimeout)
        : base(tokensPerSecond: 200_000, heartbeat: TimeSpan.FromMilliseconds(500))
    {
        Directory.CreateDirectory(TempDirectory);
        Settings["Carlos:Documents:TempDirectory"] = TempDirectory;
        Settings["Carlos:Documents:MaxDecompressedBytes"] = (16 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Carlos:Documents:ExtractionTimeout"] = extractionTimeout.ToString();
    }

    public string TempDirectory { get; } = Path.Combine(Path.GetTempPath(), $"carlos-tests-{Guid.NewGuid():N}");

    public static MultipartFormDataContent Form(byte[] file, string fileName)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { content, "file", fileName } };
    }

    public Task<HttpResponseMessage> UploadAsync(byte[] file, string fileName) =>
        Client.PostAsync("/v1/documents", Form(file, fileName));

    /// <summary>Uploads a file, expects 202, and follows its event stream until it completes or fails.</summary>
    public async Task<DocumentSnapshot> UploadAndWaitAsync(byte[] file, string fileName)
    {
        using var response = await UploadAsync(file, fileName);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return await WaitAsync(accepted.GetProperty("id").GetGuid());
    }

    public async Task<DocumentSnapshot> WaitAsync(Guid id)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var events = await Client.GetAsync($"/v1/documents/{id}/events", HttpCompletionOption.ResponseHeadersRead,
            cancel.Token);
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType!.MediaType);
        await foreach (var message in SseClient.ReadAsync(events, cancel.Token))
        {
            if (message.Event is "completed" or "failed")
            {
                break;
            }
        }

        return (await Client.GetFromJsonAsync<DocumentSnapshot>($"/v1/documents/{id}", CarlosJson.Options, cancel.Token))!;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(TempDirectory, recursive: true);
    }
}

/// <summary>A gateway whose silo gives every extraction one millisecond, over before parsing starts.</summary>
public sealed class ImpatientDocumentGateway() : DocumentGateway(TimeSpan.FromMilliseconds(1))
{
    protected override void Configure(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder) =>
        builder.Services.AddSingleton(sp => new Carlos.Grains.Documents.Extraction.DocumentExtractor(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Carlos.Grains.Documents.DocumentOptions>>(),
            new ImmediateTimers()));
}

[CollectionDefinition(Name)]
public sealed class DocumentGatewayCollection : ICollectionFixture<DocumentGateway>
{
    public const string Name = "document gateway";
}
