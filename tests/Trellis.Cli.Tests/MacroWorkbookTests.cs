using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Trellis.Data;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary>
/// Issue 14, hole I: the macro check looked for a part named vbaProject.bin, so a VBA project renamed
/// xl/evilcode.bin (declared with the VBA content type) and an Excel 4.0 macro sheet with an Auto_Open name imported
/// with exit 0. Both hostile workbooks are built from a clean template with System.IO.Compression and run through
/// the real <c>trellis controls import</c>.
/// </summary>
public sealed partial class MacroWorkbookTests : IDisposable
{
    private static readonly FixedClock Clock = FixedClock.On(2026, 11, 27);
    private readonly string _dir = Directory.CreateTempSubdirectory("trellis-cli-macro-").FullName;

    private string PathOf(string name) => Path.Combine(_dir, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Import_VbaProjectRenamedAndDeclaredByContentType_IsRefusedAndTheDatabaseIsUnchanged()
    {
        var db = DemoWithTemplate();
        var before = await LoadAsync(db);
        Change(PathOf("controls.xlsx"), zip =>
        {
            Write(zip, "xl/evilcode.bin", "Attribute VB_Name = \"Module1\"\r\nSub Workbook_Open()\r\nShell \"calc.exe\"\r\nEnd Sub\r\n");
            Edit(zip, "[Content_Types].xml", x => x.Replace("</Types>", "<Override PartName=\"/xl/evilcode.bin\" ContentType=\"application/vnd.ms-office.vbaProject\" /></Types>", StringComparison.Ordinal));
        });

        var (code, output, err) = Run("controls", "import", PathOf("controls.xlsx"), "--db", db);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("the workbook contains macros (part '/xl/evilcode.bin' declared as application/vnd.ms-office.vbaProject)", err, StringComparison.Ordinal);
        Assert.Null(DeepEquality.FirstDifference(before, await LoadAsync(db)));
    }

    [Fact]
    public async Task Import_Excel4MacroSheetWithAutoOpen_IsRefusedAndTheDatabaseIsUnchanged()
    {
        var db = DemoWithTemplate();
        var before = await LoadAsync(db);
        Change(PathOf("controls.xlsx"), zip =>
        {
            Write(zip, "xl/macrosheets/sheet1.xml", """<?xml version="1.0" encoding="UTF-8"?><xm:macrosheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData><row r="1"><c r="A1"><f>EXEC("calc.exe")</f></c></row><row r="2"><c r="A2"><f>HALT()</f></c></row></sheetData></xm:macrosheet>""");
            Edit(zip, "[Content_Types].xml", x => x.Replace("</Types>", "<Override PartName=\"/xl/macrosheets/sheet1.xml\" ContentType=\"application/vnd.ms-excel.macrosheet+xml\" /></Types>", StringComparison.Ordinal));
            Edit(zip, "xl/_rels/workbook.xml.rels", x => x.Replace("</Relationships>", "<Relationship Type=\"http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet\" Target=\"/xl/macrosheets/sheet1.xml\" Id=\"rId99\" /></Relationships>", StringComparison.Ordinal));
            Edit(zip, "xl/workbook.xml", x => DefinedNames().Replace(x, m => $"{m.Value}<{m.Groups[1].Value}definedName name=\"Auto_Open\">Macro1!$A$1</{m.Groups[1].Value}definedName>", 1));
        });

        var (code, output, err) = Run("controls", "import", PathOf("controls.xlsx"), "--db", db);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("part '/xl/macrosheets/sheet1.xml' declared as application/vnd.ms-excel.macrosheet+xml", err, StringComparison.Ordinal);
        Assert.Contains("as http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet", err, StringComparison.Ordinal);
        Assert.Contains("the defined name 'Auto_Open' runs when the workbook opens or closes", err, StringComparison.Ordinal);
        Assert.Null(DeepEquality.FirstDifference(before, await LoadAsync(db)));
    }

    [Fact]
    public void Import_CleanTemplate_StillImports()
    {
        var db = DemoWithTemplate();

        var (code, _, err) = Run("controls", "import", PathOf("controls.xlsx"), "--db", db);

        Assert.True(code == 0, err);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, Clock);
        return (code, output.ToString(), error.ToString());
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

    private static void Change(string path, Action<ZipArchive> change)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        change(zip);
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var s = zip.CreateEntry(name).Open();
        s.Write(Encoding.UTF8.GetBytes(content));
    }

    private static void Edit(ZipArchive zip, string name, Func<string, string> edit)
    {
        var entry = zip.GetEntry(name)!;
        string text;
        using (var reader = new StreamReader(entry.Open()))
        {
            text = reader.ReadToEnd();
        }

        var changed = edit(text);
        Assert.NotEqual(text, changed);
        entry.Delete();
        Write(zip, name, changed);
    }

    [GeneratedRegex("<(\\w+:)?definedNames>")]
    private static partial Regex DefinedNames();
}
