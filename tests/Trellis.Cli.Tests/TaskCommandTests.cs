using System.Text.Json;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary>
/// Issue 17, item 1: <c>trellis tasks</c> and <c>tasks complete</c> on the demo (src/Trellis.Content/Demo/DemoControls.cs).
/// AC-07 (risk treatment plan and SoA) is an implemented quarterly control: on 2026-12-03 its current task is 2026 Q4,
/// due 2026-12-31. AC-44 is an implemented monthly control with no evidence for October 2026: that task is overdue.
/// </summary>
public sealed class TaskCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("trellis-tasks-").FullName;

    private string Db => Path.Combine(_folder, "t.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, new FixedClock(Now));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Tasks_Json_HasTheContractFields_AndCompleteWithAFileMakesTheTaskDone()
    {
        Assert.Equal(0, Run("demo", "--db", Db).Code);
        var (code, output, error) = Run("tasks", "--due-before", "2026-12-31", "--format", "json", "--db", Db);
        Assert.True(code == 0, error);
        var tasks = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        var q4 = tasks.Single(t => t.GetProperty("id").GetString() == "AC-07@2026-10-01");
        Assert.Equal("AC-07", q4.GetProperty("control").GetString());
        Assert.Equal("2026-12-31", q4.GetProperty("due").GetString());
        Assert.Equal("quarterly", q4.GetProperty("cadence").GetString());
        Assert.Contains("@", q4.GetProperty("owner").GetString(), StringComparison.Ordinal);
        Assert.All(tasks, t => Assert.True(string.CompareOrdinal(t.GetProperty("due").GetString(), "2026-12-31") <= 0));
        Assert.DoesNotContain(tasks, t => t.GetProperty("control").GetString() == "AC-08"); // in progress: no tasks

        var file = Path.Combine(_folder, "steering-minutes.txt");
        File.WriteAllText(file, "Q4 review of the risk treatment plan");
        var october = tasks.Single(t => t.GetProperty("id").GetString() == "AC-44@2026-10-01");
        Assert.Equal("overdue", october.GetProperty("status").GetString());
        Assert.Equal("2026-10-31", october.GetProperty("due").GetString());
        var done = Run("tasks", "complete", "AC-44@2026-10-01", "--evidence", file, "--db", Db);
        Assert.True(done.Code == 0, done.Err);
        Assert.Contains("effective 2026-10-01..2026-10-31", done.Out, StringComparison.Ordinal);

        var after = JsonDocument.Parse(Run("tasks", "--format", "json", "--db", Db).Out).RootElement.EnumerateArray()
            .Single(t => t.GetProperty("id").GetString() == "AC-44@2026-10-01");
        Assert.Equal("done", after.GetProperty("status").GetString());
        var trail = JsonDocument.Parse(Run("audit-log", "list", "--format", "json", "--db", Db).Out).RootElement.EnumerateArray().Last();
        Assert.Equal("evidence.add", trail.GetProperty("action").GetString());
    }

    [Fact]
    public void DidNotOccur_TakesTheOccurrenceOutOfTheLedgersMissingCount_AndShowsTheReason()
    {
        Assert.Equal(0, Run("demo", "--db", Db).Code);
        var late = JsonDocument.Parse(Run("tasks", "--format", "json", "--db", Db).Out).RootElement.EnumerateArray()
            .First(t => t.GetProperty("control").GetString() == "AC-44" && t.GetProperty("status").GetString() == "overdue");
        var id = late.GetProperty("id").GetString()!;
        var start = id[(id.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var before = Ledger();
        Assert.Contains(Control(before).GetProperty("missing").EnumerateArray(), m => m.GetProperty("start").GetString() == start);

        var marked = Run("tasks", "did-not-occur", id, "--reason", "no steering meeting: the committee was being re-formed", "--db", Db);
        Assert.True(marked.Code == 0, marked.Err);

        var after = Ledger();
        Assert.Equal(before.GetProperty("missingCount").GetInt32() - 1, after.GetProperty("missingCount").GetInt32());
        Assert.DoesNotContain(Control(after).GetProperty("missing").EnumerateArray(), m => m.GetProperty("start").GetString() == start);
        var occurrence = Control(after).GetProperty("occurrences").EnumerateArray().Single(o => o.GetProperty("start").GetString() == start);
        Assert.Equal("did-not-occur", occurrence.GetProperty("status").GetString());
        Assert.Equal("no steering meeting: the committee was being re-formed", occurrence.GetProperty("didNotOccurReason").GetString());

        JsonElement Ledger() => JsonDocument.Parse(Run("ledger", "soc2-type2-window-1", "--format", "json", "--db", Db).Out).RootElement;
        static JsonElement Control(JsonElement ledger) => ledger.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("controlId").GetString() == "AC-44");
    }

    [Fact]
    public void Notify_DryRun_OneLinePerLateControl_ForItsOwner()
    {
        Assert.Equal(0, Run("demo", "--db", Db).Code);
        var (code, output, error) = Run("notify", "--dry-run", "--format", "json", "--db", Db);
        Assert.True(code == 0, error);
        var digests = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        var owner = JsonDocument.Parse(Run("tasks", "--format", "json", "--db", Db).Out).RootElement.EnumerateArray()
            .First(t => t.GetProperty("control").GetString() == "AC-44").GetProperty("owner").GetString();
        var items = digests.Single(d => d.GetProperty("person").GetString() == owner).GetProperty("items").EnumerateArray().ToList();

        // AC-44 is monthly with nothing for September, October and November 2026: one line for the three.
        var late = items.Single(i => i.GetProperty("kind").GetString() == "task-overdue" && i.GetProperty("text").GetString()!.StartsWith("AC-44 ", StringComparison.Ordinal));
        Assert.Contains("3 occurrences overdue, the oldest due 2026-09-30", late.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Notify_RunsTodaysDigestSlotOnce_OnePerPersonOfTheDryRun()
    {
        Assert.Equal(0, Run("demo", "--db", Db).Code);
        var people = JsonDocument.Parse(Run("notify", "--dry-run", "--format", "json", "--db", Db).Out).RootElement.GetArrayLength();

        var (code, output, error) = Run("notify", "--format", "json", "--db", Db);
        Assert.True(code == 0, error);
        var run = JsonDocument.Parse(output).RootElement;
        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal("2026-12-03T06:00:00+00:00", run.GetProperty("slot").GetString()); // the default "0 6 * * *" in UTC, before 09:00
        Assert.Equal(people, run.GetProperty("people").GetInt32());
        Assert.True(run.GetProperty("mailOff").GetBoolean()); // no Trellis__Smtp__Host here: no mail attempted

        // The same slot again (here, or by a `serve` instance) does nothing.
        var again = JsonDocument.Parse(Run("notify", "--format", "json", "--db", Db).Out).RootElement;
        Assert.Equal("already-done", again.GetProperty("status").GetString());
        Assert.Equal(0, again.GetProperty("people").GetInt32());
    }

    [Fact]
    public void Tasks_BadInput_ExitsTwoNamingTheProblem()
    {
        Assert.Equal(0, Run("demo", "--db", Db).Code);
        var bad = Run("tasks", "complete", "AC-07@2026-11-01", "--evidence", "https://wiki.example.com/x", "--db", Db);
        Assert.Equal(2, bad.Code);
        Assert.Contains("starts 2026-10-01", bad.Err, StringComparison.Ordinal);
        var date = Run("tasks", "--due-before", "2026-13-01", "--db", Db);
        Assert.Equal(2, date.Code);
        Assert.Contains("--due-before", date.Err, StringComparison.Ordinal);
        var snooze = Run("tasks", "snooze", "AC-44@2026-10-01", "--until", "2026-12-10", "--reason", " ", "--db", Db);
        Assert.Equal(2, snooze.Code);
        Assert.Contains("say why", snooze.Err, StringComparison.Ordinal);
    }
}
