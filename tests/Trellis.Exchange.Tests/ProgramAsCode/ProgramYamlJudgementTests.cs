using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Exchange.ProgramAsCode;

namespace Trellis.Exchange.Tests.ProgramAsCode;

/// <summary>program.yaml's <c>judgements</c> (docs/crosswalk-rules.md, rule 8): read field by field, refused with file:line.</summary>
public class ProgramYamlJudgementTests
{
    // Line numbers matter: tests below refer to them. Judgements start at line 20.
    private const string Program =
        """
        format: trellis-program/1
        organization: Test Co
        controls:
          - id: AC-01
            title: Access control policy
            cadence: annual
            status: implemented
            mappings:
              - requirement: iso27001-2022:A.5.15
                relationship: equal
        evidence:
          - id: EV-1
            title: Access control policy document
            controls: [AC-01]
            versions:
              - number: 1
                file: evidence/policy.txt
                collectedAt: 2025-03-01T09:00:00Z
                effectiveFrom: 2025-02-28
        judgements:
          - requirement: soc2-2017:CC6.1-POF1
            kind: sufficient
            controls:
              - id: AC-01
                status: implemented
                mappings: [iso27001-2022:A.5.15 equal]
            evidence:
              - evidence: EV-1
                version: 1
            by: lead@test.example
            at: 2026-01-05T10:00:00+01:00
            rationale: The policy covers the point of focus
          - requirement: soc2-2017:CC1.2-POF3
            kind: not-relevant
            by: lead@test.example
            at: 2026-01-05T09:30:00Z
            rationale: No independent board
        """;

    [Fact]
    public void Read_Judgements_ReadsEveryFieldInOrder()
    {
        using var folder = Folder(Program);

        var result = folder.Read();

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        var (sufficient, notRelevant) = (result.Program!.Judgements[0], result.Program.Judgements[1]);
        Assert.Equal(new RequirementRef("soc2-2017", "CC6.1-POF1"), sufficient.Requirement);
        Assert.Equal(JudgementKind.Sufficient, sufficient.Kind);
        var control = Assert.Single(sufficient.Controls);
        Assert.Equal(("AC-01", ImplementationStatus.Implemented), (control.Id, control.Status));
        Assert.Equal(["iso27001-2022:A.5.15 equal"], control.Mappings);
        Assert.Equal([new JudgedEvidence("EV-1", 1)], sufficient.Evidence);
        Assert.Equal("lead@test.example", sufficient.By);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), sufficient.At);
        Assert.Equal(TimeSpan.Zero, sufficient.At.Offset);
        Assert.Equal("The policy covers the point of focus", sufficient.Rationale);
        Assert.Equal((JudgementKind.NotRelevant, "No independent board"), (notRelevant.Kind, notRelevant.Rationale));
        Assert.Empty(notRelevant.Controls);
    }

    [Fact]
    public void Read_JudgementRelyingOnAnUnknownControl_NamesTheLine() =>
        AssertSingleError(Program.Replace("      - id: AC-01\n        status", "      - id: AC-99\n        status", StringComparison.Ordinal), "unknown-control", 24, "judgements[soc2-2017:CC6.1-POF1].controls[0]");

    [Fact]
    public void Read_JudgementOfAnUnknownRequirement_NamesTheLine() =>
        AssertSingleError(Program.Replace("CC1.2-POF3", "CC1.2-POF99", StringComparison.Ordinal), "unknown-requirement", 33, "judgements[soc2-2017:CC1.2-POF99].requirement");

    [Fact]
    public void Read_RequirementJudgedTwice_NamesTheSecond() =>
        AssertSingleError(Program.Replace("CC1.2-POF3", "CC6.1-POF1", StringComparison.Ordinal), "duplicate-id", 33, "judged more than once");

    [Fact]
    public void Read_JudgementWithoutRationale_IsRefused() =>
        AssertSingleError(Program.Replace("    rationale: No independent board", "", StringComparison.Ordinal), "rationale-required", 33, "does not say why");

    [Fact]
    public void Read_JudgementWithABlankRationale_IsRefused() =>
        AssertSingleError(Program.Replace("rationale: No independent board", "rationale: \" \"", StringComparison.Ordinal), "rationale-required", 37, "does not say why");

    [Fact]
    public void Read_UnknownKind_ListsTheWireNames() =>
        AssertSingleError(Program.Replace("kind: not-relevant", "kind: irrelevant", StringComparison.Ordinal), "unknown-value", 34, "sufficient, not-relevant");

    [Fact]
    public void Read_SufficientJudgementWithoutControls_IsRefused() =>
        AssertSingleError(Program.Replace("kind: not-relevant", "kind: sufficient", StringComparison.Ordinal), "missing-field", 33, "name at least one");

    [Fact]
    public void Read_InstantWithoutAZone_IsRefused() =>
        AssertSingleError(Program.Replace("at: 2026-01-05T09:30:00Z", "at: 2026-01-05T09:30:00", StringComparison.Ordinal), "invalid-instant", 36, "'at'");

    // Task notes follow the judgements: "taskNotes:" is line 38, the second note starts on line 42.
    private const string Notes =
        """

        taskNotes:
          - control: AC-01
            periodStart: 2026-01-01
            didNotOccurReason: No policy change this year
          - control: AC-01
            periodStart: 2025-01-01
            assignee: deputy@test.example
            snoozedUntil: 2025-02-15
            snoozeReason: Waiting for the board
        """;

    [Fact]
    public void Read_TaskNotes_ReadsEveryField()
    {
        using var folder = Folder(Program + Notes);
        var result = folder.Read();

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        var (first, second) = (result.Program!.TaskNotes[0], result.Program.TaskNotes[1]);
        Assert.Equal(("AC-01", new DateOnly(2026, 1, 1), "No policy change this year", (string?)null), (first.ControlId, first.PeriodStart, first.DidNotOccurReason, first.Assignee));
        Assert.Equal(("deputy@test.example", new DateOnly(2025, 2, 15), "Waiting for the board"), (second.Assignee, second.SnoozedUntil!.Value, second.SnoozeReason));
    }

    [Fact]
    public void Read_TaskNoteOnAnUnknownControl_NamesTheLine() =>
        AssertSingleError(Program + Notes.Replace("  - control: AC-01\n    periodStart: 2025", "  - control: AC-77\n    periodStart: 2025", StringComparison.Ordinal), "unknown-control", 42, "AC-77");

    [Fact]
    public void Read_TwoNotesOnOneOccurrence_AreRefused() =>
        AssertSingleError(Program + Notes.Replace("periodStart: 2025-01-01", "periodStart: 2026-01-01", StringComparison.Ordinal), "invalid-field", 42, "one note per occurrence");

    [Fact]
    public void Read_SnoozeWithoutReason_NamesTheLine() =>
        AssertSingleError(Program + Notes.Replace("    snoozeReason: Waiting for the board", "", StringComparison.Ordinal), "missing-field", 45, "snoozeReason");

    private static ProgramFolder Folder(string yaml) => new ProgramFolder().Write("program.yaml", yaml + "\n").Write("evidence/policy.txt", "policy text");

    private static void AssertSingleError(string yaml, string code, int line, string mentions)
    {
        using var folder = Folder(yaml);
        var result = folder.Read();

        Assert.Null(result.Program);
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal($"{folder.ProgramYaml}:{line}", error.Location);
        Assert.Contains(mentions, error.Message, StringComparison.Ordinal);
    }
}
