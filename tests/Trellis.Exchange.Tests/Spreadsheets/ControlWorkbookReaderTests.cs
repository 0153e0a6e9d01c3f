using System.Globalization;
using ClosedXML.Excel;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Testing;
using static Trellis.Exchange.Tests.Spreadsheets.Workbooks;

namespace Trellis.Exchange.Tests.Spreadsheets;

public sealed class ControlWorkbookReaderTests
{
    [Fact]
    public void Read_Template_GivesItsControls()
    {
        var result = Read(Template());

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        ControlTemplateTests.AssertSameControls(Controls(), result.Controls!);
    }

    [Fact]
    public void Read_UnknownCadenceInRow7_NamesCellE7AndTheValidCadences()
    {
        var result = Read(Edited(s => s.Cell("E7").SetValue("fortnightly")));

        var error = ErrorAt(result, "Controls!E7 (cadence)");
        Assert.Equal("Controls!E7 (cadence): 'fortnightly' is not a cadence; expected one of continuous, daily, weekly, monthly, quarterly, semi-annual, annual, on-event", error.ToString());
    }

    [Fact]
    public void Read_UnknownStatus_NamesTheStatusCell()
    {
        var result = Read(Edited(s => s.Cell("F3").SetValue("done")));

        Assert.Contains("expected one of planned, in-progress, implemented, not-applicable", ErrorAt(result, "Controls!F3 (status)").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CadenceAndStatusTypedInAnotherCase_AreAccepted()
    {
        var result = Read(Edited(s =>
        {
            s.Cell("E2").SetValue("Semi-Annual");
            s.Cell("F2").SetValue(" Not-Applicable ");
        }));

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal(Cadence.SemiAnnual, result.Controls![0].Cadence);
        Assert.Equal(ImplementationStatus.NotApplicable, result.Controls[0].Status);
    }

    [Fact]
    public void Read_UnknownRequirementA599_NamesTheMappingsCell()
    {
        var result = Read(Edited(s => s.Cell("G5").SetValue("iso27001-2022:A.5.99=equal")));

        var error = ErrorAt(result, "Controls!G5 (mappings)");
        Assert.Equal("unknown-requirement", error.Code);
        Assert.Contains("'iso27001-2022:A.5.99=equal'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RequirementAfterTheLastOrganizationalControl_IsUnknownAndTheLastIsKnown()
    {
        // tests/reference/domain: the organizational theme of ISO/IEC 27001:2022 Annex A ends at A.5.37.
        var last = ReferenceData.Csv("iso27001-2022.csv").Select(r => r["id"]).Where(id => id.StartsWith("A.5.", StringComparison.Ordinal))
            .Select(id => int.Parse(id[4..], CultureInfo.InvariantCulture)).Max();

        var known = Read(Edited(s => s.Cell("G2").SetValue($"iso27001-2022:A.5.{last}=subset-of")));
        var unknown = Read(Edited(s => s.Cell("G2").SetValue($"iso27001-2022:A.5.{last + 1}=subset-of")));

        Assert.True(known.IsSuccess, string.Join("\n", known.Errors));
        Assert.Equal("unknown-requirement", ErrorAt(unknown, "Controls!G2 (mappings)").Code);
    }

    [Fact]
    public void Read_UnknownFramework_NamesTheMappingsCellAndTheNearestFramework()
    {
        var result = Read(Edited(s => s.Cell("G3").SetValue("iso27001-2023:A.5.15=equal")));

        var error = ErrorAt(result, "Controls!G3 (mappings)");
        Assert.Equal("unknown-framework", error.Code);
        Assert.Contains("iso27001-2022", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A.5.15=equal", "invalid-mapping")]
    [InlineData("iso27001-2022:A.5.15", "invalid-mapping")]
    [InlineData("iso27001-2022:A.5.15=same", "invalid-relationship")]
    [InlineData("iso27001-2022:A.5.15=no-relationship", "invalid-relationship")]
    [InlineData("iso27001-2022:A.5.15=equal; iso27001-2022:A.5.15=subset-of", "duplicate-mapping")]
    public void Read_MalformedMapping_IsRefusedWithItsCell(string mappings, string code)
    {
        var result = Read(Edited(s => s.Cell("G4").SetValue(mappings)));

        Assert.Equal(code, ErrorAt(result, "Controls!G4 (mappings)").Code);
    }

    [Fact]
    public void Read_MappingsOnSeparateLines_AreAllRead()
    {
        var result = Read(Edited(s => s.Cell("G2").SetValue("iso27001-2022:A.8.15=superset-of\nsoc2-2017:CC7.2 = intersects-with;\n")));

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal(
            [new ControlMapping(new RequirementRef("iso27001-2022", "A.8.15"), Relationship.SupersetOf), new ControlMapping(new RequirementRef("soc2-2017", "CC7.2"), Relationship.IntersectsWith)],
            result.Controls![0].Mappings);
    }

    [Fact]
    public void Read_DuplicateId_NamesTheSecondCellAndTheFirstRow()
    {
        var result = Read(Edited(s => s.Cell("A6").SetValue("AC-02")));

        Assert.Equal("Controls!A6 (id): control ID 'AC-02' is already used in row 3", ErrorAt(result, "Controls!A6 (id)").ToString());
    }

    [Fact]
    public void Read_MissingCadenceColumn_NamesTheHeaderRowAndReadsNoRows()
    {
        // A workbook made by hand, without the template: six of the seven columns.
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("Controls");
        string[][] rows = [["id", "title", "description", "owner", "status", "mappings"], ["AC-01", "Access reviews", "", "", "implemented", ""]];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Cell(r + 1, c + 1).SetValue(rows[r][c]);
            }
        }

        using var output = new MemoryStream();
        book.SaveAs(output);

        var result = Read(output.ToArray());

        var error = Assert.Single(result.Errors);
        Assert.Equal("missing-column", error.Code);
        Assert.Equal("Controls!1:1 (header)", error.Location);
        Assert.Contains("'cadence'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MisspeltHeader_IsUnknownWithASuggestionAndTheRealColumnMissing()
    {
        var result = Read(Edited(s => s.Cell("B1").SetValue("titel")));

        Assert.Contains("did you mean 'title'", ErrorAt(result, "Controls!B1 (header)").Message, StringComparison.Ordinal);
        Assert.Contains(result.Errors, e => e.Code == "missing-column" && e.Message.Contains("'title'", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ColumnsReorderedWithUppercaseHeaders_AreFoundByName()
    {
        var result = Read(Edited(s =>
        {
            s.Column(1).InsertColumnsBefore(1);
            s.Column(8).CopyTo(s.Column(1)); // mappings moved to column A
            s.Column(8).Delete();
            s.Cell("B1").SetValue("ID");
        }));

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        ControlTemplateTests.AssertSameControls(Controls(), result.Controls!);
    }

    [Fact]
    public void Read_FormulaCell_IsRefusedNotEvaluated()
    {
        var result = Read(Edited(s => s.Cell("B4").FormulaA1 = "1+1"));

        var error = ErrorAt(result, "Controls!B4 (title)");
        Assert.Equal("formula", error.Code);
        Assert.Contains("=1+1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FormulaInjectionText_IsRefusedWithItsCell()
    {
        var result = Read(Edited(s => s.Cell("C3").SetValue("=HYPERLINK(\"https://evil.example\",\"Click\")")));

        var error = ErrorAt(result, "Controls!C3 (description)");
        Assert.Equal("formula-text", error.Code);
        Assert.Contains("apostrophe", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextWithExcelsQuotePrefix_IsReadAsTheTextTyped()
    {
        var result = Read(Edited(s =>
        {
            s.Cell("C3").SetValue("=not a formula");
            s.Cell("C3").Style.IncludeQuotePrefix = true;
        }));

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal("=not a formula", result.Controls![1].Description);
    }

    [Fact]
    public void Read_SeveralMistakes_ReportsEveryOneAndNoControls()
    {
        var result = Read(Edited(s =>
        {
            s.Cell("E7").SetValue("fortnightly");
            s.Cell("F3").SetValue("done");
            s.Cell("A9").SetValue("AC-01");
            s.Cell("B8").SetValue("");
        }));

        Assert.Null(result.Controls);
        Assert.Equal(
            ["Controls!F3 (status)", "Controls!E7 (cadence)", "Controls!B8 (title)", "Controls!A9 (id)"],
            result.Errors.Select(e => e.Location));
    }

    [Fact]
    public void Read_MoreProblemsThanTheCap_StopsAt100AndSaysSo()
    {
        var result = Read(Edited(s =>
        {
            for (var row = 2; row <= 160; row++)
            {
                s.Cell(row, 1).SetValue($"X-{row}");
                s.Cell(row, 2).SetValue("title");
                s.Cell(row, 5).SetValue("sometimes");
                s.Cell(row, 6).SetValue("planned");
            }
        }));

        Assert.Equal(101, result.Errors.Count);
        Assert.Equal("too-many-errors", result.Errors[^1].Code);
    }

    [Fact]
    public void Read_RowsBeyondTheLimit_AreRefusedWithoutReadingThem()
    {
        var result = Read(Edited(s => s.Cell(20_000, 1).SetValue("far away")));

        var error = Assert.Single(result.Errors);
        Assert.Equal("too-many-rows", error.Code);
        Assert.Equal("Controls!A20000", error.Location);
    }

    [Fact]
    public void Read_EmptyRowsBetweenControls_AreSkipped()
    {
        var result = Read(Edited(s => s.Row(5).Clear(XLClearOptions.Contents)));

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal(["AC-01", "AC-02", "AC-03", "AC-05", "AC-06", "AC-07", "AC-08"], result.Controls!.Select(c => c.Id));
    }

    [Fact]
    public void Read_NumberTypedAsId_IsReadAsItsDigits()
    {
        var result = Read(Edited(s => s.Cell("A2").SetValue(101)));

        Assert.Equal("101", result.Controls![0].Id);
    }

    [Fact]
    public void Read_DateInTheOwnerColumn_IsRefused()
    {
        var result = Read(Edited(s =>
        {
            s.Cell("D2").Style.NumberFormat.Format = "yyyy-mm-dd"; // what Excel does when a date is typed
            s.Cell("D2").SetValue(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
        }));

        Assert.Equal("not-text", ErrorAt(result, "Controls!D2 (owner)").Code);
    }

    [Fact]
    public void Read_WorkbookWithoutControlsSheet_SaysWhichSheetsItHas()
    {
        var result = Read(Edited(s => s.Name = "Sheet1"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("missing-sheet", error.Code);
        Assert.Contains("Sheet1", error.Message, StringComparison.Ordinal);
    }
}
