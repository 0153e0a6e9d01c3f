using ClosedXML.Excel;
using Trellis.Content.Demo;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Exchange.Spreadsheets;
using Trellis.Testing;

namespace Trellis.Exchange.Tests.Spreadsheets;

public sealed class ControlTemplateTests
{
    // The wire names program.yaml documents (docs/program-as-code.md), written out here rather than taken from the code.
    private static readonly string[] CadenceNames = ["continuous", "daily", "weekly", "monthly", "quarterly", "semi-annual", "annual", "on-event"];
    private static readonly string[] StatusNames = ["planned", "in-progress", "implemented", "not-applicable"];

    [Fact]
    public void Write_DemoControls_ReadBackGivesTheSameControls()
    {
        var controls = DemoProgram.Create(FixedClock.On(2026, 11, 27)).Program.Controls;

        var result = Workbooks.Read(ControlTemplate.Write(controls, Workbooks.GeneratedAt, Trellis.Content.ShippedContent.Catalog));

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        AssertSameControls(controls, result.Controls!);
    }

    [Fact]
    public void Write_TextThatSpreadsheetsWouldRun_IsStoredAsTextAndReadBackUnchanged()
    {
        Control[] controls =
        [
            Sample("0101", "=HYPERLINK(\"https://evil.example\",\"click\")"),
            Sample("AC-02", "-weekly review"),
            Sample("AC-03", "+1 approver"),
            Sample("AC-04", "@SUM(A1)"),
            Sample("AC-05", "\tindented"),
            Sample("AC-06", "'quoted' on purpose"),
        ];

        var bytes = ControlTemplate.Write(controls, Workbooks.GeneratedAt, Trellis.Content.ShippedContent.Catalog);

        using (var book = new XLWorkbook(new MemoryStream(bytes)))
        {
            var sheet = book.Worksheet("Controls");
            for (var row = 2; row <= 6; row++)
            {
                Assert.False(sheet.Cell(row, 2).HasFormula);
                Assert.StartsWith("'", sheet.Cell(row, 2).GetString(), StringComparison.Ordinal);
            }
        }

        var result = Workbooks.Read(bytes);
        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        AssertSameControls(controls, result.Controls!);
    }

    [Fact]
    public void Write_Layout_HasFrozenFilteredHeaderDropDownsAndHiddenLists()
    {
        using var book = new XLWorkbook(new MemoryStream(Workbooks.Template()));

        var sheet = book.Worksheet("Controls");
        Assert.Equal(["id", "title", "description", "owner", "cadence", "status", "mappings"], Enumerable.Range(1, 7).Select(c => sheet.Cell(1, c).GetString()));
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.All(Enumerable.Range(1, 7), c => Assert.True(sheet.Column(c).Width >= 10));
        Assert.Equal(CadenceNames, ListValues(book, sheet.Cell("E7")));
        Assert.Equal(StatusNames, ListValues(book, sheet.Cell("F500")));
        Assert.Equal(XLWorksheetVisibility.Hidden, book.Worksheet("Lists").Visibility);
        Assert.Equal(XLWorksheetVisibility.Visible, book.Worksheet("Instructions").Visibility);
        Assert.Contains("framework:requirement=relationship", string.Join(" ", book.Worksheet("Instructions").CellsUsed().Select(c => c.GetString())), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_MappingsCell_UsesProgramYamlRequirementsWithTheirRelationship()
    {
        using var book = new XLWorkbook(new MemoryStream(Workbooks.Template()));

        Assert.Equal("iso27001-2022:A.5.15=equal; soc2-2017:CC6.1=subset-of", book.Worksheet("Controls").Cell("G2").GetString());
    }

    [Fact]
    public void Write_NoControls_GivesATemplateThatIsRefusedUntilFilledIn()
    {
        var result = Workbooks.Read(ControlTemplate.Write([], Workbooks.GeneratedAt, Trellis.Content.ShippedContent.Catalog));

        Assert.Equal("no-controls", Assert.Single(result.Errors).Code);
    }

    internal static void AssertSameControls(IReadOnlyList<Control> expected, IReadOnlyList<Control> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i] with { Mappings = [] }, actual[i] with { Mappings = [] });
            Assert.Equal(expected[i].Mappings, actual[i].Mappings);
        }
    }

    private static Control Sample(string id, string title) => new()
    {
        Id = id,
        Title = title,
        Description = title,
        Owner = "it@example.com",
        Cadence = Cadence.SemiAnnual,
        Status = ImplementationStatus.InProgress,
        Mappings = [new ControlMapping(new RequirementRef("soc2-2017", "CC8.1"), Relationship.IntersectsWith)],
    };

    /// <summary>The values a list validation offers, read from the range its formula names.</summary>
    private static List<string> ListValues(XLWorkbook book, IXLCell cell)
    {
        Assert.True(cell.HasDataValidation);
        Assert.Equal(XLAllowedValues.List, cell.DataValidation.AllowedValues);
        var formula = cell.DataValidation.Value.TrimStart('=');
        var bang = formula.LastIndexOf('!');
        var sheet = book.Worksheet(formula[..bang].Trim('\''));
        return sheet.Range(formula[(bang + 1)..].Replace("$", "", StringComparison.Ordinal)).Cells().Select(c => c.GetString()).ToList();
    }
}
