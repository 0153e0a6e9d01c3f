using System.Text.Json;
using Trellis.Cli.Output;
using Trellis.Core.Audits;
using Trellis.Core.Program;
using Trellis.Testing;
using static Trellis.Testing.AuditFixtures;

namespace Trellis.Cli.Tests;

/// <summary>The issue 4 contract of <c>trellis plan</c> and the audit renderers.</summary>
public class EngagementCommandTests
{
    private static readonly string[] Kinds =
    [
        "iso-stage1", "iso-stage2", "iso-certification-decision", "iso-surveillance-1", "iso-surveillance-2", "iso-recertification",
        "soc2-type1", "soc2-type2-window", "soc2-fieldwork", "soc2-report", "internal-audit", "management-review",
    ];

    private static readonly string[] External = ["iso-stage1", "iso-stage2", "iso-surveillance-1", "iso-surveillance-2", "iso-recertification", "soc2-fieldwork"];

    private sealed record Ev(string Kind, DateOnly Start, DateOnly End, string Framework, string Title, IReadOnlyList<string> Warnings);

    private static List<Ev> PlanJson(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(["plan", .. args, "--format", "json"]);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => new Ev(
            e.GetProperty("kind").GetString()!,
            D(e.GetProperty("start").GetString()!),
            D(e.GetProperty("end").GetString()!),
            e.GetProperty("framework").GetString()!,
            e.GetProperty("title").GetString()!,
            e.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList())).ToList();
    }

    private static void AssertIssueExampleFacts(List<Ev> events)
    {
        var s1 = Assert.Single(events, e => e.Kind == "iso-surveillance-1");
        var s2 = Assert.Single(events, e => e.Kind == "iso-surveillance-2");
        var recert = Assert.Single(events, e => e.Kind == "iso-recertification");
        Assert.True(s1.End <= D("2027-03-15"), $"surveillance 1 ends {s1.End}");
        Assert.Equal(2028, s2.Start.Year);
        Assert.True(s2.End < D("2028-03-15"), $"surveillance 2 ends {s2.End}");
        Assert.True(recert.End < D("2029-03-15"), $"recertification ends {recert.End}");

        var windows = events.Where(e => e.Kind == "soc2-type2-window").OrderBy(e => e.Start).ToList();
        Assert.Equal(D("2026-01-01"), windows[0].Start);
        Assert.True(windows.Count >= 3);
        for (var i = 1; i < windows.Count; i++)
        {
            Assert.Equal(windows[i - 1].End.AddDays(1), windows[i].Start);
        }

        foreach (var x in events.Where(e => External.Contains(e.Kind)))
        {
            Assert.Contains(events, a => a.Kind == "internal-audit" && a.End < x.Start && x.Start.DayNumber - a.End.DayNumber <= 120);
        }

        Assert.All(events, e => Assert.Contains(e.Kind, Kinds));
        Assert.All(events, e => Assert.True(e.Start <= e.End));
        Assert.All(events, e => Assert.Contains(e.Framework, new[] { "iso27001-2022", "soc2-2017" }));
    }

    [Fact]
    public void Plan_IssueExample_AsTheLeadRunsIt_KeepsEveryRule() =>
        AssertIssueExampleFacts(PlanJson("--certification-decision", "2026-03-15", "--soc2-start", "2026-01-01", "--years", "3"));

    [Fact]
    public void Plan_IssueExample_BeforeCertification_PlansStagesAndHasNoWarnings()
    {
        var events = PlanJson("--certification-decision", "2026-03-15", "--soc2-start", "2026-01-01", "--years", "3", "--today", "2025-11-01");

        AssertIssueExampleFacts(events);
        var stage2 = Assert.Single(events, e => e.Kind == "iso-stage2");
        Assert.True(Assert.Single(events, e => e.Kind == "iso-stage1").End < stage2.Start);
        Assert.True(stage2.End < D("2026-03-15"));
        Assert.Equal(D("2026-03-15"), Assert.Single(events, e => e.Kind == "iso-certification-decision").Start);
        Assert.Empty(events.SelectMany(e => e.Warnings));
    }

    [Fact]
    public void Plan_WarningsAreStringsCitingTheirRule()
    {
        var events = PlanJson("--certification-decision", "2026-03-15", "--soc2-start", "2026-01-01", "--today", "2027-03-01");

        var warnings = events.SelectMany(e => e.Warnings).ToList();
        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.Matches(@"\[(rule|practice|planning): .+\]$", w));
    }

    [Fact]
    public void Plan_Blackouts_AreRepeatableAndAvoided()
    {
        var events = PlanJson("--certification-decision", "2026-03-15", "--soc2-start", "2026-01-01", "--today", "2026-11-27",
            "--blackout", "2027-01-01..2027-01-20", "--blackout", "2028-02-01..2028-02-29");

        // Blackouts are days without audit activity: fieldwork, internal audits, management reviews.
        var activities = events.Where(e => External.Contains(e.Kind) || e.Kind is "internal-audit" or "management-review").ToList();
        Assert.DoesNotContain(activities, e => e.Start <= D("2027-01-20") && e.End >= D("2027-01-01"));
        Assert.DoesNotContain(activities, e => e.Start <= D("2028-02-29") && e.End >= D("2028-02-01"));
        Assert.Contains(activities, e => e.Kind == "soc2-fieldwork" && e.Start == D("2027-01-21"));
    }

    [Theory]
    [InlineData("--certification-decision", "2026-02-30")]
    [InlineData("--soc2-start", "2025-02-29")]
    [InlineData("--certification-decision", "15/03/2026")]
    [InlineData("--certification-decision", "2026-03-15", "--blackout", "2027-01-20..2027-01-01")]
    [InlineData("--certification-decision", "2026-03-15", "--blackout", "2027-01-01..2027-02-31")]
    [InlineData("--certification-decision", "2026-03-15", "--years", "0")]
    [InlineData("--years", "3")]
    public void Plan_InvalidInput_ExitsTwoWithOneLine(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(["plan", .. args]);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_InvalidDate_NamesTheOptionAndTheValue()
    {
        var (_, _, error) = CliRunner.Run("plan", "--certification-decision", "2026-02-30");

        Assert.Contains("--certification-decision", error, StringComparison.Ordinal);
        Assert.Contains("2026-02-30", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Table_ListsEventsAndHasHelp()
    {
        var (code, output, _) = CliRunner.Run("plan", "--certification-decision", "2026-03-15", "--soc2-start", "2026-01-01", "--today", "2025-11-01");

        Assert.Equal(0, code);
        Assert.Contains("iso-surveillance-1", output, StringComparison.Ordinal);
        Assert.Contains("soc2-type2-window", output, StringComparison.Ordinal);
        Assert.Contains("Usage:", CliRunner.Run("plan", "--help").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteCalendar_Ics_IsAVCalendar()
    {
        using var output = new StringWriter();
        var events = AuditPlanner.Plan(new PlanRequest { CertificationDecision = D("2026-03-15"), Today = D("2026-01-01") }).Value.Events;

        EngagementRender.WriteCalendar(output, events, "ics", new FixedClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(events.Count, output.ToString().Split("BEGIN:VEVENT").Length - 1);
    }

    [Fact]
    public void WriteEngagements_Json_CarriesRuleWarningsAndGaps()
    {
        using var output = new StringWriter();
        Engagement[] engagements =
        [
            new() { Id = "A", Kind = EngagementKind.Soc2Type2, Window = new ObservationWindow(D("2026-01-01"), D("2026-12-31")), BridgeLetterEnd = D("2027-04-15") },
            new() { Id = "B", Kind = EngagementKind.Soc2Type2, Window = new ObservationWindow(D("2027-02-01"), D("2027-03-15")) },
        ];

        EngagementRender.WriteEngagements(output, engagements, "json", D("2027-01-10"));

        var items = JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);
        Assert.Equal("2027-12-31", items["A"].GetProperty("currentUntil").GetString());
        Assert.Contains(items["A"].GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("bridge letter", StringComparison.Ordinal));
        var b = items["B"].GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(b, w => w.Contains("31 uncovered days", StringComparison.Ordinal));
        Assert.Contains(b, w => w.Contains("shorter than 3 months", StringComparison.Ordinal));
    }

    [Fact]
    public void WriteLedgerAndRequests_Json_ShowMissingOccurrencesAndSharedEvidence()
    {
        var control = Control("AC-01", Cadence.Quarterly, "soc2-2017:CC6.1", "iso27001-2022:A.5.15");
        var evidence = EvidenceFor("EV-1", ["AC-01"], "2026-02-10", "2026-08-10");
        var soc2 = new Engagement { Id = "SOC2", Kind = EngagementKind.Soc2Type2, Window = new ObservationWindow(D("2026-01-01"), D("2026-12-31")) };
        var iso = new Engagement { Id = "ISO", Kind = EngagementKind.IsoSurveillance1, Window = new ObservationWindow(D("2026-07-01"), D("2027-06-30")) };
        var ledgers = new[] { soc2, iso }.Select(e => OperationLedger.ForEngagement(e, [control], [evidence], D("2027-01-15")).Value).ToList();
        using var ledgerOut = new StringWriter();
        using var requestOut = new StringWriter();
        using var reuseOut = new StringWriter();

        EngagementRender.WriteLedger(ledgerOut, ledgers[0], "json");
        EngagementRender.WriteRequests(requestOut, RequestList.Build(ledgers, D("2027-01-15")), "json");
        EngagementRender.WriteEvidenceReuse(reuseOut, OperationLedger.EvidenceReuse(ledgers, [evidence]), "json");

        var ac01 = JsonDocument.Parse(ledgerOut.ToString()).RootElement.GetProperty("controls")[0];
        Assert.Equal(4, ac01.GetProperty("expected").GetInt32());
        Assert.Equal(2, ac01.GetProperty("missing").GetArrayLength()); // Q2 and Q4 2026
        var request = JsonDocument.Parse(requestOut.ToString()).RootElement[0];
        Assert.Equal("stale", request.GetProperty("status").GetString());
        Assert.Equal(["ISO", "SOC2"], request.GetProperty("engagements").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["ISO", "SOC2"], JsonDocument.Parse(reuseOut.ToString()).RootElement[0].GetProperty("engagements").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void WriteFindings_Json_ShowsOverdueActionsAndNextSteps()
    {
        var finding = FindingLifecycle.PlanActions(
            new Finding { Id = "F-1", Kind = FindingKind.MajorNonconformity, Title = "No access reviews in Q3", RaisedOn = D("2027-02-16"), ControlIds = ["AC-01"] },
            "Owner left; no deputy",
            [new CorrectiveAction("CA-1", "Name a deputy", "ciso@example.test", D("2027-03-01"))],
            D("2027-02-17")).Value;
        using var output = new StringWriter();

        EngagementRender.WriteFindings(output, [finding], "json", D("2027-03-02"));

        var f = JsonDocument.Parse(output.ToString()).RootElement[0];
        Assert.Equal("major-nonconformity", f.GetProperty("kind").GetString());
        Assert.Equal("action-planned", f.GetProperty("status").GetString());
        Assert.True(f.GetProperty("actions")[0].GetProperty("overdue").GetBoolean());
        Assert.Equal("resolved", f.GetProperty("nextSteps")[0].GetString());
    }
}
