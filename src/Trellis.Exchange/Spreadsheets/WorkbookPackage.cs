using System.Globalization;
using System.IO.Compression;
using Trellis.Core.Common;

namespace Trellis.Exchange.Spreadsheets;

/// <summary>
/// Checks an uploaded .xlsx as a zip before any spreadsheet library parses it: file size; not an OLE compound file
/// (that is how Office stores a password-encrypted workbook, and also the legacy .xls format); a readable zip;
/// at most <see cref="WorkbookLimits.MaxEntries"/> entries; no encrypted entries; the sum of the declared
/// uncompressed sizes and each large entry's compression ratio within limits; no VBA project (macro-enabled
/// workbooks are refused rather than silently stripped, so nobody believes their macros were imported: by part name
/// here, and by declared content type, relationship type and auto-run defined name in <see cref="WorkbookMacros"/>); the two
/// parts every workbook has; and, inflating every entry while counting bytes (a zip directory can lie about
/// sizes), every entry exactly its declared size and no XML part with a document type declaration (DTDs enable
/// entity expansion and external entities; Office never writes them). .NET's zip reader stops inflating an entry
/// at its declared size, so an entry that claims less than it holds is cut off there (and then fails to parse)
/// rather than expanding past the limits.
/// </summary>
internal static class WorkbookPackage
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] DoctypeUtf8 = "<!DOCTYPE"u8.ToArray();
    private static readonly byte[] DoctypeUtf16 = System.Text.Encoding.Unicode.GetBytes("<!DOCTYPE");

    /// <summary>Every problem with the package; empty when ClosedXML may open it.</summary>
    public static IReadOnlyList<Error> Check(byte[] bytes, string source, WorkbookLimits limits)
    {
        if (bytes.Length > limits.MaxFileBytes)
        {
            return [new Error(ErrorCodes.TooLarge, $"the file has {Bytes(bytes.Length)}; the limit is {Bytes(limits.MaxFileBytes)}", source)];
        }

        if (bytes.AsSpan().StartsWith(OleMagic))
        {
            return [new Error(
                ErrorCodes.EncryptedOrLegacyWorkbook,
                "the file is a password-protected (encrypted) workbook or a legacy .xls; remove the password and save it as an Excel workbook (.xlsx)",
                source)];
        }

        if (!bytes.AsSpan().StartsWith(ZipMagic))
        {
            return [NotXlsx(source)];
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var errors = CheckDirectory(zip, source, limits);
            return errors.Count > 0 ? errors : CheckContents(zip, source);
        }
        catch (InvalidDataException ex)
        {
            return [new Error(ErrorCodes.NotXlsx, $"the file is not a readable zip, so not an .xlsx workbook ({ex.Message})", source)];
        }
    }

    private static List<Error> CheckDirectory(ZipArchive zip, string source, WorkbookLimits limits)
    {
        var errors = new List<Error>();
        if (zip.Entries.Count > limits.MaxEntries)
        {
            errors.Add(new Error(ErrorCodes.TooManyEntries, $"the workbook has {zip.Entries.Count.ToString(CultureInfo.InvariantCulture)} parts (zip entries); the limit is {limits.MaxEntries.ToString(CultureInfo.InvariantCulture)}", source));
            return errors;
        }

        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (entry.IsEncrypted)
            {
                errors.Add(new Error(ErrorCodes.EncryptedEntry, $"part '{entry.FullName}' is encrypted; remove the password and save the workbook again", source));
            }

            if (entry.Name.Equals("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new Error(ErrorCodes.MacroEnabled, $"the workbook contains macros ({entry.FullName}); Trellis does not accept macro-enabled workbooks, save it as an Excel workbook (.xlsx) without macros", source));
            }

            if (entry.Length > limits.RatioCheckedAboveBytes && entry.Length > limits.MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
            {
                var ratio = entry.Length / (double)Math.Max(entry.CompressedLength, 1);
                errors.Add(new Error(
                    ErrorCodes.CompressionRatio,
                    $"part '{entry.FullName}' expands {ratio.ToString("0", CultureInfo.InvariantCulture)} times ({Bytes(entry.CompressedLength)} to {Bytes(entry.Length)}); the limit is {limits.MaxCompressionRatio.ToString(CultureInfo.InvariantCulture)} (a zip bomb?)",
                    source));
            }
        }

        if (total > limits.MaxUncompressedBytes)
        {
            errors.Add(new Error(ErrorCodes.TooLargeUncompressed, $"the workbook expands to {Bytes(total)}; the limit is {Bytes(limits.MaxUncompressedBytes)}", source));
        }

        if (errors.Count == 0 && (zip.GetEntry("[Content_Types].xml") is null || zip.GetEntry("xl/workbook.xml") is null))
        {
            errors.Add(NotXlsx(source));
        }

        return errors;
    }

    private static List<Error> CheckContents(ZipArchive zip, string source)
    {
        var errors = new List<Error>();
        var buffer = new byte[81920];
        foreach (var entry in zip.Entries)
        {
            var xml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
            using var content = xml ? new MemoryStream() : null;
            long read = 0;
            using (var stream = entry.Open())
            {
                int n;
                while ((n = stream.Read(buffer)) > 0)
                {
                    read += n;
                    if (read > entry.Length)
                    {
                        break;
                    }

                    content?.Write(buffer, 0, n);
                }
            }

            if (read != entry.Length)
            {
                errors.Add(new Error(ErrorCodes.InconsistentSize, $"part '{entry.FullName}' does not have the size the zip directory declares ({Bytes(entry.Length)}); the file is damaged or crafted", source));
            }
            else if (content is not null && (content.GetBuffer().AsSpan(0, (int)content.Length).IndexOf(DoctypeUtf8) >= 0
                || content.GetBuffer().AsSpan(0, (int)content.Length).IndexOf(DoctypeUtf16) >= 0))
            {
                errors.Add(new Error(ErrorCodes.XmlDtd, $"part '{entry.FullName}' has a document type declaration (<!DOCTYPE>); Trellis does not process DTDs", source));
            }
            else if (content is not null)
            {
                errors.AddRange(WorkbookMacros.Check(entry.FullName, content.GetBuffer().AsMemory(0, (int)content.Length), source));
            }
        }

        return errors;
    }

    private static Error NotXlsx(string source) =>
        new(ErrorCodes.NotXlsx, "the file is not an Excel workbook (.xlsx); export or save it from your spreadsheet program as .xlsx", source);

    private static string Bytes(long n) => n >= 1024 * 1024
        ? $"{(n / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture)} MB"
        : $"{n.ToString(CultureInfo.InvariantCulture)} bytes";
}
