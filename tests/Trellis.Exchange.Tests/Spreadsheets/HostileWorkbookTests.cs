using System.IO.Compression;
using System.Text;
using Trellis.Exchange.Spreadsheets;
using static Trellis.Exchange.Tests.Spreadsheets.Workbooks;

namespace Trellis.Exchange.Tests.Spreadsheets;

/// <summary>Files that are not honest workbooks are refused, with a clear reason, before ClosedXML parses them.</summary>
public sealed class HostileWorkbookTests
{
    private const string ContentTypes = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""";

    [Fact]
    public void Read_ZipBomb_IsRefusedForItsRatioAndExpandedSize()
    {
        // 64 MB of zeros deflate to about 64 KB: a ratio near 1000 and more than the 50 MB limit.
        var bytes = Zip(z =>
        {
            Entry(z, "[Content_Types].xml", ContentTypes);
            Entry(z, "xl/workbook.xml", "<workbook/>");
            using var s = z.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                s.Write(zeros);
            }
        });
        Assert.True(bytes.Length < 1024 * 1024);

        var result = Read(bytes);

        Assert.Equal(["compression-ratio", "too-large-uncompressed"], result.Errors.Select(e => e.Code));
        Assert.Contains("'xl/worksheets/sheet1.xml' expands", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("64 MB; the limit is 50 MB", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.All(result.Errors, e => Assert.Equal("controls.xlsx", e.Location));
    }

    [Theory]
    [InlineData(100u, "unreadable-workbook")] // inflation stops at the declared size, and the cut-off XML does not parse
    [InlineData(9000u, "inconsistent-size")]
    public void Read_EntryWhoseDirectoryLiesAboutItsSize_IsRefused(uint declared, string code)
    {
        var honest = Zip(z =>
        {
            Entry(z, "[Content_Types].xml", ContentTypes);
            Entry(z, "xl/workbook.xml", "<workbook>" + new string(' ', 5000) + "</workbook>");
        });

        // The uncompressed size of xl/workbook.xml, in the central directory (offset 24) and the local header (offset 22).
        var lying = PatchEntries(honest, "xl/workbook.xml", (bytes, central, local) =>
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(central + 24), declared);
            BitConverter.TryWriteBytes(bytes.AsSpan(local + 22), declared);
        });

        Assert.Equal(code, Assert.Single(Read(lying).Errors).Code);
    }

    [Fact]
    public void Read_TooManyEntries_IsRefused()
    {
        var bytes = Zip(z =>
        {
            Entry(z, "[Content_Types].xml", ContentTypes);
            Entry(z, "xl/workbook.xml", "<workbook/>");
            for (var i = 0; i < 250; i++)
            {
                Entry(z, $"xl/media/image{i}.png", "x");
            }
        });

        var error = Assert.Single(Read(bytes).Errors);

        Assert.Equal("too-many-entries", error.Code);
        Assert.Equal("the workbook has 252 parts (zip entries); the limit is 200", error.Message);
    }

    [Theory]
    [InlineData("id,title\nAC-01,Access reviews\n")]
    [InlineData("")]
    [InlineData("%PDF-1.7\n")]
    public void Read_FileThatIsNotAZip_IsNotAnXlsx(string content)
    {
        var error = Assert.Single(Read(Encoding.UTF8.GetBytes(content)).Errors);

        Assert.Equal("not-xlsx", error.Code);
        Assert.Contains("not an Excel workbook (.xlsx)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ZipThatIsNotAWorkbook_IsNotAnXlsx()
    {
        var docx = Zip(z =>
        {
            Entry(z, "[Content_Types].xml", ContentTypes);
            Entry(z, "word/document.xml", "<document/>");
        });

        Assert.Equal("not-xlsx", Assert.Single(Read(docx).Errors).Code);
    }

    [Fact]
    public void Read_TruncatedZip_IsRefusedNotThrown()
    {
        var bytes = Template();

        var result = Read(bytes[..(bytes.Length / 2)]);

        Assert.Equal("not-xlsx", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Read_OleCompoundFile_IsAnEncryptedOrLegacyWorkbook()
    {
        // Office stores a password-protected .xlsx, and the old .xls, as an OLE compound file.
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        var error = Assert.Single(Read(ole).Errors);

        Assert.Equal("encrypted-or-legacy-workbook", error.Code);
        Assert.Contains("password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EntryWithTheEncryptionFlag_IsRefused()
    {
        // General purpose bit 0 (encrypted) in the central directory (offset 8) and local header (offset 6).
        var bytes = PatchEntries(Template(), "xl/workbook.xml", (b, central, local) =>
        {
            b[central + 8] |= 1;
            b[local + 6] |= 1;
        });

        var error = Assert.Single(Read(bytes).Errors);

        Assert.Equal("encrypted-entry", error.Code);
        Assert.Contains("'xl/workbook.xml' is encrypted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MacroEnabledWorkbook_IsRefused()
    {
        var bytes = Modified(Template(), z => Entry(z, "xl/vbaProject.bin", "Attribute VB_Name = \"Module1\""));

        var error = Assert.Single(Read(bytes).Errors);

        Assert.Equal("macro-enabled", error.Code);
        Assert.Contains("xl/vbaProject.bin", error.Message, StringComparison.Ordinal);
    }

    // Issue 14, hole I: macros are found by what the package declares, whatever the part is called.
    [Theory]
    [InlineData("[Content_Types].xml", "</Types>", "<Default Extension=\"dat\" ContentType=\"application/vnd.ms-office.vbaProject\" /></Types>", "files ending .dat declared as application/vnd.ms-office.vbaProject")]
    [InlineData("[Content_Types].xml", "</Types>", "<Override PartName=\"/xl/intl.xml\" ContentType=\"application/vnd.ms-excel.intlmacrosheet+xml\" /></Types>", "part '/xl/intl.xml' declared as application/vnd.ms-excel.intlmacrosheet+xml")]
    [InlineData("xl/_rels/workbook.xml.rels", "</Relationships>", "<Relationship Type=\"http://schemas.microsoft.com/office/2006/relationships/vbaProject\" Target=\"/xl/data.dat\" Id=\"rId77\" /></Relationships>", "links '/xl/data.dat' as http://schemas.microsoft.com/office/2006/relationships/vbaProject")]
    [InlineData("xl/workbook.xml", "definedNames>", "definedNames><x:definedName name=\"auto_close_2\">Sheet9!$A$1</x:definedName>", "the defined name 'auto_close_2' runs")]
    [InlineData("xl/workbook.xml", "definedNames>", "definedNames><x:definedName name=\"_xlnm.Auto_Open\">Sheet9!$A$1</x:definedName>", "the defined name '_xlnm.Auto_Open' runs")]
    public void Read_MacroDeclaredWithoutAVbaProjectPartName_IsRefused(string part, string find, string replace, string reason)
    {
        var bytes = Modified(Template(), z =>
        {
            var original = z.GetEntry(part)!;
            string xml;
            using (var reader = new StreamReader(original.Open()))
            {
                xml = reader.ReadToEnd();
            }

            var at = xml.IndexOf(find, StringComparison.Ordinal);
            Assert.True(at >= 0, xml);
            original.Delete();
            Entry(z, part, xml[..at] + replace + xml[(at + find.Length)..]);
        });

        var error = Assert.Single(Read(bytes).Errors);

        Assert.Equal("macro-enabled", error.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_XmlPartWithADoctype_IsRefusedBeforeParsing()
    {
        var bytes = Modified(Template(), z =>
        {
            var original = z.GetEntry("xl/workbook.xml")!;
            string xml;
            using (var reader = new StreamReader(original.Open()))
            {
                xml = reader.ReadToEnd();
            }

            original.Delete();
            var declaration = xml.IndexOf("?>", StringComparison.Ordinal) + 2;
            Entry(z, "xl/workbook.xml", xml[..declaration] + """<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>""" + xml[declaration..]);
        });

        var error = Assert.Single(Read(bytes).Errors);

        Assert.Equal("xml-dtd", error.Code);
    }

    [Fact]
    public void Read_FileOverTheSizeLimit_IsRefusedBeforeReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"trellis-controls-{Guid.NewGuid():N}.xlsx");
        File.WriteAllBytes(path, Template());
        try
        {
            var result = ControlWorkbookReader.Read(path, Trellis.Content.ShippedContent.Catalog, limits: new WorkbookLimits { MaxFileBytes = 1000 });

            var error = Assert.Single(result.Errors);
            Assert.Equal("too-large", error.Code);
            Assert.Equal(path, error.Location);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_MissingFile_SaysSo()
    {
        var result = ControlWorkbookReader.Read("/nonexistent/controls.xlsx", Trellis.Content.ShippedContent.Catalog);

        Assert.Equal("missing-file", Assert.Single(result.Errors).Code);
    }

    private static byte[] Zip(Action<ZipArchive> fill)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            fill(zip);
        }

        return output.ToArray();
    }

    private static byte[] Modified(byte[] xlsx, Action<ZipArchive> change)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            change(zip);
        }

        return stream.ToArray();
    }

    private static void Entry(ZipArchive zip, string name, string content)
    {
        using var s = zip.CreateEntry(name).Open();
        s.Write(Encoding.UTF8.GetBytes(content));
    }

    /// <summary>Finds an entry's central directory header and local header by name and lets the test rewrite their bytes.</summary>
    private static byte[] PatchEntries(byte[] zip, string name, Action<byte[], int, int> patch)
    {
        var bytes = (byte[])zip.Clone();
        var nameBytes = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            // Central directory file header: PK\1\2, name length at 28, local header offset at 42, name at 46.
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 1 && bytes[i + 3] == 2
                && BitConverter.ToUInt16(bytes, i + 28) == nameBytes.Length && bytes.AsSpan(i + 46, nameBytes.Length).SequenceEqual(nameBytes))
            {
                patch(bytes, i, (int)BitConverter.ToUInt32(bytes, i + 42));
                return bytes;
            }
        }

        throw new InvalidOperationException($"no entry {name}");
    }
}
