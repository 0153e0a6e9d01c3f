using System.Diagnostics;
using System.Text;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary>
/// <c>trellis bridge-letter</c> (issue 16 item 5) on a real database: the last report is recorded with <c>plan
/// --soc2-last-period … --save</c> (period 2025-10-01..2026-09-30); the demo is loaded on 2026-09-15, before the bridge,
/// and a controls workbook with one title changed is imported on 2026-10-20, inside it.
/// </summary>
public sealed class BridgeLetterCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trellis-bridge-").FullName;

    public BridgeLetterCommandTests()
    {
        Ok(FixedClock.At(2026, 9, 15), "demo", "--db", Db);
        Ok(FixedClock.At(2026, 10, 20), "controls", "template", "--out", Path.Combine(_dir, "october-controls.xlsx"), "--db", Db);
        using (var workbook = new ClosedXML.Excel.XLWorkbook(Path.Combine(_dir, "october-controls.xlsx")))
        {
            workbook.Worksheet("Controls").Cell(2, 2).Value = "Access reviewed monthly from October";
            workbook.Save();
        }

        Ok(FixedClock.At(2026, 10, 20), "controls", "import", Path.Combine(_dir, "october-controls.xlsx"), "--db", Db);
        Ok(FixedClock.At(2026, 12, 3), "plan", "--soc2-last-period", "2025-10-01..2026-09-30", "--save", "--db", Db);
    }

    private string Db => Path.Combine(_dir, "t.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(TimeProvider clock, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, clock);
        return (code, output.ToString(), error.ToString());
    }

    private static void Ok(TimeProvider clock, params string[] args)
    {
        var (code, _, error) = Run(clock, args);
        Assert.True(code == 0, $"{string.Join(' ', args)}: {error}");
    }

    private byte[] Letter(string format)
    {
        var file = Path.Combine(_dir, "bridge." + format);
        Ok(FixedClock.At(2026, 12, 3), "bridge-letter", "soc2-last-report", "--until", "2026-11-30", "--format", format, "--out", file, "--db", Db);
        return File.ReadAllBytes(file);
    }

    [Fact]
    public void Html_HasTheBridgePeriodAndTheImportInIt_NotTheDemoBefore()
    {
        var html = Encoding.UTF8.GetString(Letter("html"));

        Assert.Contains("2026-10-01 to 2026-11-30", html, StringComparison.Ordinal);
        Assert.Contains("controls imported from october-controls.xlsx", html, StringComparison.Ordinal);
        Assert.Contains("2026-10-20", html, StringComparison.Ordinal);
        Assert.DoesNotContain("demo program was loaded", html, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-09-15", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Pdf_Pdftotext_SaysTheSame()
    {
        var tool = new[] { "/usr/bin/pdftotext", "/usr/local/bin/pdftotext" }.FirstOrDefault(File.Exists);
        Skip.If(tool is null, "pdftotext (poppler-utils) is not installed");
        var pdf = Path.Combine(_dir, "letter.pdf");
        File.WriteAllBytes(pdf, Letter("pdf"));
        using var process = Process.Start(new ProcessStartInfo(tool!) { ArgumentList = { "-layout", "-enc", "UTF-8", pdf, "-" }, RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.Contains("2026-10-01 to 2026-11-30", text, StringComparison.Ordinal);
        Assert.Contains("october-controls.xlsx", text, StringComparison.Ordinal);
        Assert.DoesNotContain("demo program was loaded", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-09-30")]
    [InlineData("2026-08-01")]
    public void UntilNotAfterTheWindowEnd_IsRefusedWithOneClearLine(string until)
    {
        var file = Path.Combine(_dir, "refused.pdf");

        var (code, output, error) = Run(FixedClock.At(2026, 12, 3), "bridge-letter", "soc2-last-report", "--until", until, "--format", "pdf", "--out", file, "--db", Db);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--until", line, StringComparison.Ordinal);
        Assert.Contains("not after the end of the report's period (2026-09-30)", line, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }
}
