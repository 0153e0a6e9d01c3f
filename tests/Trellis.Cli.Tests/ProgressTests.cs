using System.Text.Json;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary>
/// Issue 18, item 7: long work draws progress bars on a terminal and nothing extra when output is redirected or the
/// command writes JSON. "Terminal" is what the real entry point passes when neither stream is redirected; these tests pass
/// it explicitly and read what Spectre.Console drew into standard error.
/// </summary>
public sealed class ProgressTests : IDisposable
{
    private const char Escape = '\u001b';
    private static readonly FixedClock Clock = FixedClock.On(2026, 11, 27);
    private readonly string _dir = Directory.CreateTempSubdirectory("trellis-progress-").FullName;

    private string Db(string name) => Path.Combine(_dir, name);

    private static (int Code, string Out, string Err) Run(bool terminal, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, Clock, terminal);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Import_OnATerminal_DrawsEachStepToCompletion_AndPrintsTheSameResult()
    {
        Assert.Equal(0, Run(false, "demo", "--db", Db("demo.db")).Code);
        Assert.Equal(0, Run(false, "export", "--out", Path.Combine(_dir, "x"), "--db", Db("demo.db")).Code);
        var yaml = Path.Combine(_dir, "x", "program.yaml");
        var evidenceItems = File.ReadLines(yaml).Count(l => l.StartsWith("  - id: EV-", StringComparison.Ordinal));
        Assert.True(evidenceItems > 10, $"the demo export should hold evidence items, found {evidenceItems}");

        var plain = Run(false, "import", yaml, "--db", Db("plain.db"));
        var drawn = Run(true, "import", yaml, "--db", Db("drawn.db"));

        Assert.Equal(0, plain.Code);
        Assert.Equal(0, drawn.Code);
        Assert.Equal(plain.Out.Replace("plain.db", "X", StringComparison.Ordinal), drawn.Out.Replace("drawn.db", "X", StringComparison.Ordinal));
        Assert.DoesNotContain(Escape, plain.Err);
        Assert.Contains(Escape, drawn.Err);
        Assert.Contains("Reading evidence files", drawn.Err, StringComparison.Ordinal);
        Assert.Contains("Writing", drawn.Err, StringComparison.Ordinal);
        Assert.Contains("100%", drawn.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_OnATerminal_DrawsProgress_OnlyOnStandardError()
    {
        Assert.Equal(0, Run(false, "demo", "--db", Db("demo.db")).Code);
        var file = Path.Combine(_dir, "soa.xlsx");
        var (code, stdout, stderr) = Run(true, "report", "soa", "--format", "xlsx", "--out", file, "--db", Db("demo.db"));

        Assert.Equal(0, code);
        Assert.DoesNotContain(Escape, stdout);
        Assert.StartsWith("wrote the soa report", stdout, StringComparison.Ordinal);
        Assert.Contains("Writing the soa report (xlsx)", stderr, StringComparison.Ordinal);
        Assert.True(new FileInfo(file).Length > 0);
    }

    [Fact]
    public void FrameworkImport_WithJsonOutput_DrawsNothingEvenOnATerminal()
    {
        var (code, stdout, stderr) = Run(true, "framework", "import", ReferenceData.File("oscal", "basic-catalog.json"), "--format", "json", "--db", Db("fw.db"));

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal("sample-security-catalog-for-demonstration-and-testing", JsonDocument.Parse(stdout).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public void FrameworkImport_WithATable_OnATerminal_DrawsBothSteps()
    {
        var (code, stdout, stderr) = Run(true, "framework", "import", ReferenceData.File("oscal", "basic-catalog.json"), "--db", Db("fw.db"));

        Assert.Equal(0, code);
        Assert.DoesNotContain(Escape, stdout);
        Assert.Contains("checking it against the OSCAL schema", stderr, StringComparison.Ordinal);
        Assert.Contains("Storing", stderr, StringComparison.Ordinal);
    }
}
