using ClosedXML.Excel;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Exchange.Spreadsheets;
using Trellis.Testing;

namespace Trellis.Exchange.Tests.Spreadsheets;

/// <summary>Controls workbooks for the reader tests: a template of known controls, edited cell by cell with ClosedXML.</summary>
internal static class Workbooks
{
    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Eight controls AC-01 … AC-08 in rows 2 to 9, each mapped to ISO/IEC 27001:2022 A.5.15 and SOC 2 CC6.1.</summary>
    public static IReadOnlyList<Control> Controls()
    {
        var builder = new ProgramBuilder();
        for (var i = 1; i <= 8; i++)
        {
            builder.Control($"AC-{i:00}", ImplementationStatus.Implemented, Cadence.Quarterly, ("iso27001-2022:A.5.15", Relationship.Equal), ("soc2-2017:CC6.1", Relationship.SubsetOf));
        }

        return builder.Build().Controls;
    }

    private static readonly Lazy<byte[]> TemplateBytes = new(() => ControlTemplate.Write(Controls(), GeneratedAt, Trellis.Content.ShippedContent.Catalog));

    /// <summary>The template of <see cref="Controls"/> (written once; callers get a copy).</summary>
    public static byte[] Template() => (byte[])TemplateBytes.Value.Clone();

    /// <summary>The template with the Controls sheet edited.</summary>
    public static byte[] Edited(Action<IXLWorksheet> edit)
    {
        using var book = new XLWorkbook(new MemoryStream(Template()));
        edit(book.Worksheet(ControlSheet.ControlsSheet));
        using var output = new MemoryStream();
        book.SaveAs(output);
        return output.ToArray();
    }

    public static ControlWorkbookReadResult Read(byte[] xlsx) => ControlWorkbookReader.Read(xlsx, "controls.xlsx", Trellis.Content.ShippedContent.Catalog);

    /// <summary>The one error located at <paramref name="location"/>; fails when there is none or several.</summary>
    public static Trellis.Core.Common.Error ErrorAt(ControlWorkbookReadResult result, string location)
    {
        Assert.False(result.IsSuccess, "expected the workbook to be refused");
        return Assert.Single(result.Errors, e => e.Location == location);
    }
}
