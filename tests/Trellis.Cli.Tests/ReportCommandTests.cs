using System.CommandLine;
using System.Text;
using Trellis.Cli.Commands;
using Trellis.Core.Common;
using Trellis.Core.Program;
using Trellis.Testing;
using R = Trellis.Core.Crosswalk.Relationship;

namespace Trellis.Cli.Tests;

/// <summary>
/// <c>trellis report</c> as the lead will wire it: the command is not registered yet, so the tests build it with
/// a program provider and run it the way CliApp does (typed errors → one line, exit code 2).
/// </summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trellis-report-").FullName;

    private static ComplianceProgram Sample() => new ProgramBuilder()
        .Control("AC-01", ImplementationStatus.Implemented, Cadence.Quarterly, ("iso27001-2022:A.5.15", R.Equal))
        .Soa("A.5.15", applicable: true)
        .Build();

    [Fact]
    public void Report_SoaXlsx_WritesAWorkbook()
    {
        var file = Path.Combine(_dir, "soa.xlsx");

        var (code, output, error) = Run(() => Sample(), null, "report", "soa", "--format", "xlsx", "--out", file);

        Assert.True(code == 0, error);
        Assert.Equal("PK\u0003\u0004", Encoding.ASCII.GetString(File.ReadAllBytes(file)[..4]));
        Assert.Contains(file, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Crosswalk_NeverAsksForTheProgram()
    {
        var file = Path.Combine(_dir, "crosswalk.csv");

        var (code, _, error) = Run(() => throw new InvalidOperationException("the crosswalk must not load the program"), null,
            "report", "crosswalk", "--framework", "iso27001-2013", "--to", "iso27001-2022", "--format", "csv", "--out", file);

        Assert.True(code == 0, error);
        Assert.Equal(1 + ReferenceData.Csv("iso27001-2013-to-2022.csv").Count, File.ReadAllText(file).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Report_UnknownFramework_ExitsWithCode2AndOneLine()
    {
        var (code, _, error) = Run(() => Sample(), null, "report", "gap", "--framework", "iso27001-2023", "--format", "pdf", "--out", Path.Combine(_dir, "gap.pdf"));

        Assert.Equal(ExitCodes.Invalid, code);
        Assert.StartsWith("error: unknown framework 'iso27001-2023'", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Report_ProgramProviderFails_ReportsItsError()
    {
        var (code, _, error) = Run(() => new Error("no-program", "no program in the database"), null, "report", "soa", "--format", "pdf", "--out", Path.Combine(_dir, "soa.pdf"));

        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("no program in the database", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_UnknownKind_IsAUsageError()
    {
        var (code, _, _) = Run(() => Sample(), null, "report", "statement", "--format", "pdf", "--out", Path.Combine(_dir, "x.pdf"));

        Assert.Equal(ExitCodes.Usage, code);
    }

    [Fact]
    public void Report_EngagementWithoutResolver_IsAnError()
    {
        var (code, _, error) = Run(() => Sample(), null, "report", "evidence-index", "--engagement", "SOC2-T2-2026", "--format", "csv", "--out", Path.Combine(_dir, "ev.csv"));

        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("engagements are not available", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Engagement_IndexesItsObservationWindow()
    {
        var program = new ProgramBuilder()
            .Control("AC-01", ImplementationStatus.Implemented, Cadence.Quarterly, ("iso27001-2022:A.5.15", R.Equal))
            .Evidence("EV-IN", "AC-01", new DateOnly(2026, 3, 1))
            .Evidence("EV-OUT", "AC-01", new DateOnly(2025, 3, 1))
            .Build();
        var file = Path.Combine(_dir, "ev.csv");

        var (code, _, error) = Run(() => program, id => id == "E1" ? (new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)) : new Error("unknown-engagement", id),
            "report", "evidence-index", "--engagement", "E1", "--format", "csv", "--out", file);

        Assert.True(code == 0, error);
        var text = File.ReadAllText(file);
        Assert.Contains("EV-IN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("EV-OUT", text, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(
        Func<Result<ComplianceProgram>> program, Func<string, Result<(DateOnly Start, DateOnly End)>>? engagements, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand("test");
        foreach (var command in ReportCommands.Create(new CliContext(output, error), program, engagements))
        {
            root.Subcommands.Add(command);
        }

        int code;
        try
        {
            code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CliFailureException failure)
        {
            error.WriteLine($"error: {failure.Error}");
            code = ExitCodes.Invalid;
        }

        return (code, output.ToString(), error.ToString());
    }
}
