using Trellis.Core.People;
using Trellis.Core.Readiness;

namespace Trellis.Core.Tests.People;

public sealed class StaffAttestationTests
{
    private static readonly DateOnly Today = new(2026, 11, 2);
    private static readonly PeopleSettings Settings = new();

    // A hand-built register on 2026-11-02 with a 12-month interval (window 2025-11-03..2026-11-02):
    // P-1 trained 2026-03-10 and screened before starting; P-2 last trained 2025-11-02 (one day too early) and never
    // screened; P-3 started 2026-10-20 (13 days ago) untrained but screened after starting; P-4 left in October.
    private static readonly Person[] Register =
    [
        new() { Id = "P-1", Email = "a@example.com", Title = "Engineer", StartDate = new(2024, 1, 8), Screening = new(new(2023, 12, 20), "Agency"), Training = [new(new(2026, 3, 10), "Awareness 2026")] },
        new() { Id = "P-2", Email = "b@example.com", Title = "Sales", StartDate = new(2022, 5, 2), Training = [new(new(2024, 10, 1), "Awareness 2024"), new(new(2025, 11, 2), "Awareness 2025")] },
        new() { Id = "P-3", Email = "c@example.com", Title = "Designer", StartDate = new(2026, 10, 20), Screening = new(new(2026, 10, 25), "Agency") },
        new() { Id = "P-4", Email = "d@example.com", Title = "Support", StartDate = new(2020, 1, 1), EndDate = new(2026, 10, 15) },
    ];

    [Fact]
    public void Exceptions_HandBuiltRegister_TrainingPastTheIntervalAndScreeningMissingOrLate()
    {
        var gaps = StaffAttestation.Exceptions(Register, Settings, Today);

        Assert.Equal(
            [("training-overdue", "P-2"), ("not-screened", "P-2"), ("screened-after-start", "P-3")],
            gaps.Select(g => (g.Kind, g.PersonId)));
        Assert.Equal("P-2 (Sales) last trained 2025-11-02, more than 12 months before 2026-11-02", gaps[0].Text);
        Assert.Equal("P-3 (Designer) was screened 2026-10-25, after starting 2026-10-20", gaps[2].Text);
    }

    [Fact]
    public void Exceptions_NewStarterUntrainedPast30Days_IsATrainingGap()
    {
        var gaps = StaffAttestation.Exceptions(Register, Settings, new DateOnly(2026, 11, 20));

        Assert.Contains(gaps, g => g is { Kind: "training-overdue", PersonId: "P-3" });
        Assert.Contains("P-3 (Designer) has no security-awareness training recorded (started 2026-10-20)", gaps.Select(g => g.Text));
    }

    [Fact]
    public void Exceptions_LongerInterval_LastYearsTrainingCounts()
    {
        var gaps = StaffAttestation.Exceptions(Register, new PeopleSettings { TrainingMonths = 24 }, Today);

        Assert.DoesNotContain(gaps, g => g.IsTraining);
    }

    [Fact]
    public void TrainingExtract_EffectiveForTheIntervalEndingAsOf_NamesOpaqueIdsNotEmails()
    {
        var extract = StaffAttestation.TrainingExtract(Register, Settings, Today);

        Assert.Equal(new DateOnly(2025, 11, 3), extract.From);
        Assert.Equal(Today, extract.To);
        Assert.Contains("Current staff: 3; trained within the interval: 2\n", extract.Text, StringComparison.Ordinal);
        Assert.Contains("P-2,Sales,2022-05-02,2025-11-02,Awareness 2025,no\n", extract.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("P-4", extract.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.com", extract.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ScreeningExtract_OneDay_SaysWhoWasScreenedBeforeStarting()
    {
        var extract = StaffAttestation.ScreeningExtract(Register, Today);

        Assert.Equal(Today, extract.From);
        Assert.Equal(Today, extract.To);
        Assert.Contains("P-1,Engineer,2024-01-08,2023-12-20,Agency,yes\n", extract.Text, StringComparison.Ordinal);
        Assert.Contains("P-2,Sales,2022-05-02,,,no\n", extract.Text, StringComparison.Ordinal);
        Assert.Contains("P-3,Designer,2026-10-20,2026-10-25,Agency,no\n", extract.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Annotate_TrainingGapsOnA63AndCC22_ScreeningGapsOnA61AndCC14_StatusKept()
    {
        static RequirementReadiness Row(string id) => new(id, id, ReadinessStatus.Covered, [], [], [], []);
        var report = new ReadinessReport("x", Today, null, [Row("A.6.3"), Row("A.6.1"), Row("CC2.2"), Row("CC1.4"), Row("A.5.1")]);

        var annotated = StaffAttestation.Annotate(report, StaffAttestation.Exceptions(Register, Settings, Today));

        var reasons = annotated.Requirements.ToDictionary(r => r.Id, r => r.Reasons);
        Assert.Equal(["staff exception: P-2 (Sales) last trained 2025-11-02, more than 12 months before 2026-11-02"], reasons["A.6.3"]);
        Assert.Equal(reasons["A.6.3"], reasons["CC2.2"]);
        Assert.Equal(2, reasons["A.6.1"].Count);
        Assert.Equal(reasons["A.6.1"], reasons["CC1.4"]);
        Assert.Empty(reasons["A.5.1"]);
        Assert.All(annotated.Requirements, r => Assert.Equal(ReadinessStatus.Covered, r.Status));
    }
}
