using System.Text.Json;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary>Issue 4's done-when on the demo program: stored engagements, an importable calendar, the ledger.</summary>
public sealed class EngagementDatabaseCommandTests : IDisposable
{
    private static readonly FixedClock Clock = FixedClock.On(2026, 11, 27);
    private readonly string _db = Path.Combine(Directory.CreateTempSubdirectory("trellis-audit-").FullName, "t.db");

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, Clock);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_db)!, recursive: true);

    [Fact]
    public void Demo_StoresEngagementsWhoseDatesSurviveTheDatabase()
    {
        Assert.Equal(0, Run("demo", "--db", _db).Code);

        var engagements = JsonDocument.Parse(Run("engagements", "--format", "json", "--db", _db).Out).RootElement.EnumerateArray().ToList();

        Assert.Contains(engagements, e => e.GetRawText().Contains("soc2-type2", StringComparison.Ordinal));
        Assert.DoesNotContain("0001-01-01", Run("engagements", "--format", "json", "--db", _db).Out, StringComparison.Ordinal);
        var ics = Run("calendar", "--format", "ics", "--db", _db).Out;
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("DTSTART;VALUE=DATE:0001", ics, StringComparison.Ordinal);
        var parsed = Ical.Net.Calendar.Load(ics)!;
        Assert.True(parsed.Events.Count >= engagements.Count);
    }

    [Fact]
    public void Ledger_OnTheCurrentSoc2Window_ShowsMissingOccurrences()
    {
        Run("demo", "--db", _db);

        var (code, output, error) = Run("ledger", "soc2-type2-window-1", "--format", "json", "--db", _db);

        Assert.True(code == 0, error);
        Assert.Contains("missing", output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, Run("ledger", "no-such-engagement", "--db", _db).Code);
    }

    [Fact]
    public void PlanSave_StoresTheIssueExample()
    {
        var (code, _, error) = Run("plan", "--certification-decision", "2026-03-15", "--soc2-start", "2026-01-01", "--years", "3", "--today", "2025-11-01", "--save", "--db", _db);

        Assert.True(code == 0, error);
        var stored = Run("engagements", "--format", "json", "--db", _db).Out;
        Assert.Contains("2026-01-01", stored, StringComparison.Ordinal);
        Assert.Contains("iso-surveillance-1", stored, StringComparison.Ordinal);
    }
}
