using System.Text.Json;
using ClosedXML.Excel;
using Trellis.Data;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary><c>trellis controls template</c> and <c>controls import</c> on a real SQLite database with the demo program.</summary>
public sealed class ControlSheetCommandTests : IDisposable
{
    private static readonly FixedClock Clock = FixedClock.On(2026, 11, 27);
    private readonly string _dir = Directory.CreateTempSubdirectory("trellis-cli-xlsx-").FullName;

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, Clock);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Import_WorkbookWithAnError_PrintsEveryProblemAndLeavesTheDatabaseUnchanged()
    {
        var db = DemoWithTemplate();
        var before = await LoadAsync(db);
        Edit(PathOf("controls.xlsx"), s =>
        {
            s.Cell("B2").SetValue("A valid change that must not be written either");
            s.Cell("E7").SetValue("fortnightly");
            s.Cell("G9").SetValue("iso27001-2022:A.5.99=equal");
        });

        var (code, output, err) = Run("controls", "import", PathOf("controls.xlsx"), "--db", db);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("error: Controls!E7 (cadence): 'fortnightly' is not a cadence", err, StringComparison.Ordinal);
        Assert.Contains("error: Controls!G9 (mappings): 'iso27001-2022:A.5.99=equal': unknown requirement 'A.5.99'", err, StringComparison.Ordinal);
        Assert.Contains("2 problem(s); nothing was imported.", err, StringComparison.Ordinal);
        Assert.Null(DeepEquality.FirstDifference(before, await LoadAsync(db)));
    }

    [Fact]
    public async Task Import_ValidWorkbook_AddsAndUpdatesAndControlsListsTheNewControl()
    {
        var db = DemoWithTemplate();
        var before = await LoadAsync(db);
        var newRow = before.Controls.Count + 2;
        Edit(PathOf("controls.xlsx"), s =>
        {
            s.Cell("B2").SetValue("Information security policy, approved by the board");
            string[] values = ["ZZ-99", "Clean desk walk-through", "Facilities checks desks monthly", "facilities@northwind.example", "monthly", "planned", "iso27001-2022:A.7.7=equal"];
            for (var c = 0; c < values.Length; c++)
            {
                s.Cell(newRow, c + 1).SetValue(values[c]);
            }
        });

        var (code, output, err) = Run("controls", "import", PathOf("controls.xlsx"), "--db", db);

        Assert.True(code == 0, err);
        Assert.Contains($"added 1, updated 1, unchanged {before.Controls.Count - 1}.", output, StringComparison.Ordinal);
        var listed = JsonDocument.Parse(Run("controls", "--format", "json", "--db", db).Out).RootElement.EnumerateArray().ToList();
        var added = Assert.Single(listed, c => c.GetProperty("id").GetString() == "ZZ-99");
        Assert.Equal("Clean desk walk-through", added.GetProperty("title").GetString());
        Assert.Equal("A.7.7", Assert.Single(added.GetProperty("mappings").EnumerateArray()).GetProperty("requirement").GetString());
        Assert.Equal("Information security policy, approved by the board", listed[0].GetProperty("title").GetString());
        var after = await LoadAsync(db);
        Assert.Null(DeepEquality.FirstDifference(before.Evidence, after.Evidence));
        Assert.Null(DeepEquality.FirstDifference(before.Risks, after.Risks));
        Assert.Null(DeepEquality.FirstDifference(before.Soa, after.Soa));
    }

    [Fact]
    public async Task Import_DryRun_SaysWhatWouldChangeAndWritesNothing()
    {
        var db = DemoWithTemplate();
        var before = await LoadAsync(db);
        Edit(PathOf("controls.xlsx"), s => s.Cell("D3").SetValue("someone.else@northwind.example"));

        var (code, output, err) = Run("controls", "import", PathOf("controls.xlsx"), "--db", db, "--dry-run");

        Assert.True(code == 0, err);
        Assert.Contains($"would add 0, update 1, leave {before.Controls.Count - 1} unchanged.", output, StringComparison.Ordinal);
        Assert.Contains($"would update: {before.Controls[1].Id}", output, StringComparison.Ordinal);
        Assert.Null(DeepEquality.FirstDifference(before, await LoadAsync(db)));
    }

    [Fact]
    public void Template_WithTheDemoDatabase_HasOneRowPerControl()
    {
        var db = DemoWithTemplate();

        using var book = new XLWorkbook(PathOf("controls.xlsx"));

        var sheet = book.Worksheet("Controls");
        var count = JsonDocument.Parse(Run("controls", "--format", "json", "--db", db).Out).RootElement.GetArrayLength();
        Assert.Equal(count + 1, sheet.LastRowUsed(XLCellsUsedOptions.Contents)!.RowNumber());
    }

    [Fact]
    public void Import_FileThatIsNotAWorkbook_ExitsWith2AndAClearReason()
    {
        File.WriteAllText(PathOf("controls.xlsx"), "id,title\nAC-01,Access\n");

        var (code, _, err) = Run("controls", "import", PathOf("controls.xlsx"), "--db", PathOf("t.db"));

        Assert.Equal(2, code);
        Assert.Contains("not an Excel workbook (.xlsx)", err, StringComparison.Ordinal);
    }

    private string DemoWithTemplate()
    {
        var db = PathOf("t.db");
        Assert.Equal(0, Run("demo", "--db", db).Code);
        var (code, _, err) = Run("controls", "template", "--out", PathOf("controls.xlsx"), "--db", db);
        Assert.True(code == 0, err);
        return db;
    }

    private static async Task<Trellis.Core.Program.ComplianceProgram> LoadAsync(string db) =>
        await new ProgramStore(TrellisDatabase.Open(db).Value).LoadAsync();

    private static void Edit(string path, Action<IXLWorksheet> edit)
    {
        using var book = new XLWorkbook(path);
        edit(book.Worksheet("Controls"));
        book.Save();
    }
}
