using System.IO.Compression;
using System.Text;

namespace Carlos.Tests.Infrastructure;

/// <summary>The office-suite fixtures (Fixtures/documents, made by LibreOffice) and hostile files made from them.</summary>
internal static class DocumentFiles
{
    public static byte[] Read(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "documents", name));

    public static byte[] Truncated(string name) => Read(name)[..(Read(name).Length / 2)];

    /// <summary>A real DOCX with bytes in the middle of its compressed body overwritten.</summary>
    public static byte[] CorruptDocx()
    {
        var bytes = Read("requirements.docx");
        for (var i = bytes.Length / 3; i < bytes.Length / 3 + 400; i++)
        {
            bytes[i] = 0x5A;
        }

        return bytes;
    }

    /// <summary>A well-formed DOCX whose document part inflates to <paramref name="inflatedBytes"/> of text.</summary>
    public static byte[] ZipBomb(long inflatedBytes)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
                """);
            Write(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
                """);
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            part.Write("""<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>"""u8);
            var filler = new byte[1024 * 1024];
            Array.Fill(filler, (byte)'A');
            for (long written = 0; written < inflatedBytes; written += filler.Length)
            {
                part.Write(filler);
            }

            part.Write("</w:t></w:r></w:p></w:body></w:document>"u8);
        }

        return output.ToArray();
    }

    /// <summary>A PDF whose one Flate stream inflates to <paramref name="inflatedBytes"/> of zeros.</summary>
    public static byte[] PdfBomb(long inflatedBytes)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < inflatedBytes; written += zeros.Length)
            {
                zlib.Write(zeros);
            }
        }

        using var pdf = new MemoryStream();
        pdf.Write(Encoding.ASCII.GetBytes(
            $"%PDF-1.4\n1 0 obj\n<< /Length {compressed.Length} /Filter /FlateDecode >>\nstream\n"));
        pdf.Write(compressed.ToArray());
        pdf.Write("\nendstream\nendobj\ntrailer\n<< >>\n%%EOF\n"u8);
        return pdf.ToArray();
    }

    /// <summary>A zip archive that is not a Word document.</summary>
    public static byte[] PlainZip()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "word/readme.txt", "Not a document part.");
        }

        return output.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var part = zip.CreateEntry(name).Open();
        part.Write(Encoding.UTF8.GetBytes(text));
    }
}
