using System.Text.Json;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary>Issue 16, item 3: <c>trellis sample</c> draws the same items for the same seed and prints item, occurredOn, evidence.</summary>
public sealed class SampleCommandTests : IDisposable
{
    private static readonly FixedClock Clock = FixedClock.On(2026, 11, 27);
    private readonly string _db = Path.Combine(Directory.CreateTempSubdirectory("trellis-sample-").FullName, "t.db");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_db)!, recursive: true);

    [Fact]
    public void Sample_MonthlyControlSeed42_PrintsFebruaryAndSeptemberWithTheirEvidence_TwiceTheSame()
    {
        Assert.Equal(0, Run("demo", "--db", _db).Code);
        var ledger = JsonDocument.Parse(Run("ledger", "soc2-type2-window-1", "--format", "json", "--db", _db).Out).RootElement;
        var monthly = ledger.GetProperty("controls").EnumerateArray().First(c => c.GetProperty("cadence").GetString() == "monthly");
        var september = monthly.GetProperty("occurrences").EnumerateArray().Single(o => o.GetProperty("start").GetString() == "2026-09-01");
        var control = monthly.GetProperty("controlId").GetString()!;

        var (code, output, error) = Run("sample", "soc2-type2-window-1", control, "--size", "2", "--seed", "42", "--format", "json", "--db", _db);
        Assert.True(code == 0, error);
        var items = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        // Eleven due months, December 2025 to October 2026; seed 42 picks positions 9 and 2 (by hand: 13679457532755275413
        // mod 11 = 9, then 2949826092126892291 mod 10 = 1 → position 2): February and September.
        Assert.Equal(["2026-02-01..2026-02-28", "2026-09-01..2026-09-30"], items.Select(i => i.GetProperty("item").GetString()));
        Assert.Equal("2026-09-30", items[1].GetProperty("occurredOn").GetString());
        Assert.Equal(september.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("id").GetString()).Distinct(), items[1].GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("seed 42", error, StringComparison.Ordinal);
        Assert.Equal(output, Run("sample", "soc2-type2-window-1", control, "--size", "2", "--seed", "42", "--format", "json", "--db", _db).Out);

        // The sampled items' requests are raised, not accepted: nothing is offered to the overlapping ISO surveillance yet.
        var surveillance = JsonDocument.Parse(Run("engagements", "--format", "json", "--db", _db).Out).RootElement.EnumerateArray()
            .Single(e => e.GetProperty("kind").GetString() == "iso-surveillance-1").GetProperty("id").GetString()!;
        Assert.Equal("[]", Run("reuse", surveillance, "--format", "json", "--db", _db).Out.Trim());
        var refused = Run("reuse", surveillance, "--request", "REQ-0002", "--db", _db);
        Assert.Equal(2, refused.Code);
        Assert.Contains("nothing to reuse", refused.Err, StringComparison.Ordinal);

        var bad = Run("sample", "soc2-type2-window-1", control, "--seed", "x", "--db", _db);
        Assert.Equal(2, bad.Code);
        Assert.Contains("--seed", bad.Err, StringComparison.Ordinal);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, Clock);
        return (code, output.ToString(), error.ToString());
    }
}
