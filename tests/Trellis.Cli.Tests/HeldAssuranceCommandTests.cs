using System.Text.Json;
using Trellis.Testing;
using static Trellis.Testing.AuditFixtures;

namespace Trellis.Cli.Tests;

/// <summary>
/// Issue 16 item 6 at the CLI: <c>plan</c> from a certificate and a report already held (json, table, ics), <c>advise
/// --has</c> recommending the other framework with the crosswalk's overlap, <c>roadmap --has</c> starting from what is missing.
/// Dates are computed by hand from docs/audit-cycle.md §1.3–1.4 and §2.2.
/// </summary>
public class HeldAssuranceCommandTests
{
    // Certified 2025-03-20 (valid through 2028-03-19), surveillance 1 done; last SOC 2 period Oct 2025 – Sep 2026.
    private static readonly string[] Held =
    [
        "plan", "--iso-certified-on", "2025-03-20", "--iso-stage", "after-surveillance-1",
        "--soc2-last-period", "2025-10-01..2026-09-30", "--today", "2026-12-03",
    ];

    private static JsonElement Json(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public void Plan_CertifiedIn2025_NextEventsAreSurveillanceAndTheNextSoc2Window()
    {
        var events = Json([.. Held, "--format", "json"]).EnumerateArray().ToList();
        static string S(JsonElement e, string p) => e.GetProperty(p).GetString()!;

        var upcoming = events.Where(e => S(e, "state") == "planned" && D(S(e, "start")) >= D("2026-12-03")).ToList();
        var firstIso = upcoming.Where(e => S(e, "kind").StartsWith("iso-", StringComparison.Ordinal)).MinBy(e => D(S(e, "start")));
        Assert.Equal("iso-surveillance-2", S(firstIso, "kind"));
        Assert.True(D(S(firstIso, "end")) <= D("2027-03-20"));
        var window = Assert.Single(events, e => S(e, "kind") == "soc2-type2-window" && S(e, "state") == "planned" && S(e, "start") == "2026-10-01");
        Assert.Equal("2027-09-30", S(window, "end"));
        Assert.Equal("done", S(Assert.Single(events, e => S(e, "id") == "soc2-last-report"), "state"));
        Assert.Equal("done", S(Assert.Single(events, e => S(e, "kind") == "iso-certification-decision"), "state"));
        Assert.DoesNotContain(events, e => e.GetProperty("warnings").EnumerateArray().Any(w => w.GetString()!.Contains("at risk", StringComparison.Ordinal)));
    }

    [Fact]
    public void Plan_Ics_IsAValidCalendarWithEveryEventOnce()
    {
        var (code, ics, error) = CliRunner.Run([.. Held, "--format", "ics"]);
        Assert.True(code == 0, error);
        var count = Json([.. Held, "--format", "json"]).GetArrayLength();

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        var calendar = Ical.Net.Calendar.Load(ics)!;
        Assert.Equal(count, calendar.Events.Count);
        Assert.Equal(calendar.Events.Count, calendar.Events.Select(e => e.Uid).Distinct().Count());
        var held = Assert.Single(calendar.Events, e => e.Uid == "soc2-last-report@trellis.local");
        Assert.Equal(new DateOnly(2025, 10, 1), DateOnly.FromDateTime(held.DtStart!.Value));
        Assert.Equal(new DateOnly(2026, 10, 1), DateOnly.FromDateTime(held.DtEnd!.Value)); // exclusive end, RFC 5545 3.6.1
        Assert.Contains("done", held.Categories);
    }

    [Theory]
    [InlineData("--iso-certified-on", "2023-03-20", "--today", "2026-12-03")]
    [InlineData("--soc2-last-period", "2026-01-01..2026-12-31", "--today", "2026-12-03")]
    [InlineData("--iso-stage", "certified", "--soc2-start", "2027-01-01")]
    public void Plan_HeldFactsThatCannotBe_ExitTwoWithOneLine(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(["plan", .. args]);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("error: ", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iso27001", "add-soc2", "iso27001-2022", "soc2-2017")]
    [InlineData("soc2-type1", "add-iso27001", "soc2-2017", "iso27001-2022")]
    [InlineData("soc2-type2", "add-iso27001", "soc2-2017", "iso27001-2022")]
    public void Advise_Held_RecommendsAddingTheOtherWithTheOverlap(string held, string recommendation, string from, string to)
    {
        var advice = Json("advise", "--market", "us", "--buyers", "type2", "--maturity", "scaling", "--architecture", "saas", "--has", held, "--format", "json");

        Assert.Equal(recommendation, advice.GetProperty("recommendation").GetString());
        var overlap = advice.GetProperty("overlap");
        Assert.Equal((from, to), (overlap.GetProperty("from").GetString(), overlap.GetProperty("to").GetString()));
        var expectedTotal = ReferenceData.Csv(to == "soc2-2017" ? "soc2-tsc-2017.csv" : "iso27001-2022.csv").Count;
        Assert.Equal(expectedTotal, overlap.GetProperty("full").GetInt32() + overlap.GetProperty("partial").GetInt32() + overlap.GetProperty("gap").GetInt32());
    }

    [Fact]
    public void Advise_IsoHeld_TableSaysAddSoc2AndHowMuchIsCovered()
    {
        var (code, output, _) = CliRunner.Run("advise", "--market", "global", "--buyers", "iso", "--maturity", "formal", "--architecture", "multi-unit", "--has", "iso27001");

        Assert.Equal(0, code);
        Assert.Contains("Recommendation: add-soc2", output, StringComparison.Ordinal);
        Assert.Contains("You hold iso27001-2022: add soc2-2017", output, StringComparison.Ordinal);
        Assert.Contains($"of its {ReferenceData.Csv("soc2-tsc-2017.csv").Count} requirements", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Roadmap_IsoHeld_IsmsStepIsDoneAndTheFirstOpenTaskIsSoc2()
    {
        var roadmap = Json("roadmap", "--has", "iso27001", "--format", "json");
        var tasks = roadmap.GetProperty("tasks").EnumerateArray().ToList();

        Assert.All(tasks.Where(t => t.GetProperty("step").GetInt32() == 1), t => Assert.Equal("done", t.GetProperty("status").GetString()));
        var next = tasks.First(t => t.GetProperty("status").GetString() != "done");
        Assert.Equal("tsc-security", next.GetProperty("id").GetString());
    }
}
