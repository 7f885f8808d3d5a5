using System.IO.Compression;
using System.Text;
using Carlos.Contracts.Reports;

namespace Carlos.Gateway.Endpoints;

/// <summary>
/// The design's Terraform as a zip of <c>main.tf</c>, <c>variables.tf</c> and <c>outputs.tf</c>. The entry names are
/// the three fixed names, never taken from the text, so no entry can point outside the folder it is unpacked in.
/// </summary>
internal static class TerraformArchive
{
    public const string ContentType = "application/zip";

    public static byte[] Create(string joined, DateTimeOffset writtenAt)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in TerraformFiles.Split(joined))
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = writtenAt;
                using var stream = entry.Open();
                stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
            }
        }

        return buffer.ToArray();
    }

    public static string FileName(Guid designId) => $"carlos-design-{designId:N}-terraform.zip";
}
