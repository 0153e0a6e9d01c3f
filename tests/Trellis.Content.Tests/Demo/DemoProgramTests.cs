using System.Security.Cryptography;
using Trellis.Content.Demo;
using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Testing;

namespace Trellis.Content.Tests.Demo;

public class DemoProgramTests
{
    private static readonly FixedClock Clock = FixedClock.At(2026, 3, 15, 10);
    private static readonly DateOnly Today = new(2026, 3, 15);
    private static readonly (ComplianceProgram Program, IReadOnlyDictionary<string, byte[]> Blobs) Demo = DemoProgram.Create(Clock);
    private static ComplianceProgram P => Demo.Program;

    [Fact]
    public void Create_ValidatesWithoutAnyError()
    {
        var errors = ProgramValidator.Validate(P, ShippedContent.Catalog);

        Assert.Empty(errors);
    }

    [Fact]
    public void Create_HasTheAdvertisedSize()
    {
        Assert.Equal(60, P.Controls.Count);
        Assert.InRange(P.Evidence.Count, 140, 160);
        Assert.InRange(P.Risks.Count, 18, 22);
        Assert.Equal(["security", "availability", "confidentiality"], P.Scope.TscCategories);
        Assert.Equal("Northwind Cloud Ltd", P.Organization);
    }

    [Fact]
    public void Create_SoaHasOneRowPerAnnexAControl_InTheStandardsOrder()
    {
        var annexA = ReferenceData.Csv("iso27001-2022.csv").Where(r => r["theme"] != "clause").Select(r => r["id"]).ToList();

        Assert.Equal(93, annexA.Count);
        Assert.Equal(annexA, P.Soa.Select(r => r.Control));
        Assert.All(P.Soa.Where(r => !r.Applicable), r => Assert.False(string.IsNullOrWhiteSpace(r.Justification)));
        Assert.All(P.Soa.Where(r => r.Applicable), r => Assert.NotEmpty(r.Reasons));
        Assert.InRange(P.Soa.Count(r => !r.Applicable), 3, 8);
    }

    [Fact]
    public void Create_EveryControlMapsToBothFrameworks()
    {
        Assert.All(P.Controls, c =>
        {
            Assert.Contains(c.Mappings, m => m.Requirement.Framework == "iso27001-2022");
            Assert.Contains(c.Mappings, m => m.Requirement.Framework == "soc2-2017");
        });
    }

    [Fact]
    public void Create_EveryIsoClauseAndEveryInScopeTscCriterionIsAddressedBySomeControl()
    {
        var mapped = P.Controls.SelectMany(c => c.Mappings).Select(m => m.Requirement).ToHashSet();
        var clauses = ReferenceData.Csv("iso27001-2022.csv").Where(r => r["theme"] == "clause").Select(r => r["id"]);
        var criteria = ReferenceData.Csv("soc2-tsc-2017.csv")
            .Where(r => r["category"].Split(':')[0] is "Security" or "Availability" or "Confidentiality")
            .Select(r => r["id"])
            .ToList();

        Assert.Equal(33 + 3 + 2, criteria.Count);
        Assert.All(clauses, id => Assert.Contains(new RequirementRef("iso27001-2022", id), mapped));
        Assert.All(criteria, id => Assert.Contains(new RequirementRef("soc2-2017", id), mapped));
    }

    [Fact]
    public void Create_HasDeliberateGaps_PlannedAndInProgressControls()
    {
        Assert.InRange(P.Controls.Count(c => c.Status == ImplementationStatus.Planned), 2, 8);
        Assert.InRange(P.Controls.Count(c => c.Status == ImplementationStatus.InProgress), 3, 10);
        Assert.All(P.Controls.Where(c => c.Status == ImplementationStatus.Planned), c => Assert.DoesNotContain(P.Evidence, e => e.ControlIds.Contains(c.Id)));
    }

    [Theory]
    [InlineData("AC-22", 3)] // quarterly: 3 months + 14 days
    [InlineData("AC-44", 1)] // monthly
    [InlineData("AC-51", 1)] // continuous, sampled monthly
    public void Create_StaleControls_NewestEvidenceIsOlderThanOnePeriodPlusGrace(string control, int months)
    {
        var newest = P.Evidence.Where(e => e.ControlIds.Contains(control)).Max(e => e.Current.EffectiveEnd);

        Assert.True(newest.AddMonths(months).AddDays(14) < Today, $"{control} newest evidence {newest}");
    }

    [Fact]
    public void Create_DailyBackupEvidence_IsStale()
    {
        var newest = P.Evidence.Where(e => e.ControlIds.Contains("AC-49")).Max(e => e.Current.EffectiveEnd);

        Assert.True(newest.AddDays(1 + 14) < Today);
    }

    [Fact]
    public void Create_OtherImplementedControls_HaveFreshEvidence()
    {
        var stale = new[] { "AC-22", "AC-44", "AC-49", "AC-51" };
        var policy = new FreshnessPolicy();
        foreach (var c in P.Controls.Where(c => c.Status == ImplementationStatus.Implemented && !stale.Contains(c.Id)))
        {
            var newest = P.Evidence.Where(e => e.ControlIds.Contains(c.Id)).Select(e => (DateOnly?)e.Current.EffectiveEnd).Max();
            Assert.True(policy.Judge(c.Cadence, newest, Today) == FreshnessState.Fresh, $"{c.Id} newest {newest}");
        }
    }

    [Fact]
    public void Create_SoaDrift_OnlyA74IsExcludedWhileARiskNeedsIt()
    {
        var needed = P.Risks.SelectMany(r => r.RequirementIds)
            .Concat(P.Controls.SelectMany(c => c.Mappings).Where(m => m.Requirement.Framework == "iso27001-2022").Select(m => m.Requirement.Requirement))
            .ToHashSet();

        Assert.Equal(["A.7.4"], P.Soa.Where(r => !r.Applicable && needed.Contains(r.Control)).Select(r => r.Control));
        Assert.Contains(P.Risks, r => r.RequirementIds.Contains("A.7.4"));
    }

    [Fact]
    public void Create_SoaDrift_OnlyA88IsDeclaredImplementedWithoutFreshImplementedControl()
    {
        var policy = new FreshnessPolicy();
        bool Backed(string annexA) => P.Controls
            .Where(c => c.Status == ImplementationStatus.Implemented && c.Mappings.Any(m => m.Requirement == new RequirementRef("iso27001-2022", annexA)))
            .Any(c => policy.Judge(c.Cadence, P.Evidence.Where(e => e.ControlIds.Contains(c.Id)).Select(e => (DateOnly?)e.Current.EffectiveEnd).Max(), Today) == FreshnessState.Fresh);

        var declared = P.Soa.Where(r => r.DeclaredStatus == ImplementationStatus.Implemented).ToList();

        Assert.True(declared.Count >= 3);
        Assert.Equal(["A.8.8"], declared.Where(r => !Backed(r.Control)).Select(r => r.Control));
    }

    [Fact]
    public void Create_Risks_OneAcceptanceExpired_AndAllOnTheMatrix()
    {
        Assert.Single(P.Risks, r => r.Acceptance?.Expires < Today);
        Assert.Contains(P.Risks, r => r.Acceptance?.Expires > Today);
        Assert.All(P.Risks, r => Assert.True(r.InherentLikelihood * r.InherentImpact >= r.ResidualLikelihood * r.ResidualImpact, r.Id));
        Assert.Contains(P.Risks, r => r.Plan.Any(a => !a.Done && a.Due < Today));
    }

    [Fact]
    public void Create_EvidenceIsDatedWithinTheLastYear_AndCollectedBeforeNow()
    {
        var versions = P.Evidence.SelectMany(e => e.Versions).ToList();

        Assert.All(versions, v =>
        {
            Assert.InRange(v.EffectiveFrom, Today.AddDays(-366), Today);
            Assert.True(v.EffectiveEnd < Today);
            Assert.True(v.CollectedAt <= Clock.GetUtcNow());
            Assert.Equal(TimeSpan.Zero, v.CollectedAt.Offset);
        });
        Assert.True(versions.Count > P.Evidence.Count, "some evidence has several versions");
        Assert.Contains(versions, v => v.Url is not null);
        var months = versions.Select(v => (v.EffectiveEnd.Year * 12) + v.EffectiveEnd.Month).Distinct().Count();
        Assert.True(months >= 12, $"evidence spread over {months} months");
    }

    [Fact]
    public void Create_EveryFileVersionHasItsBytes_WithMatchingHashAndSize()
    {
        var files = P.Evidence.SelectMany(e => e.Versions).Where(v => v.IsFile).ToList();

        Assert.All(files, v =>
        {
            var bytes = Demo.Blobs[v.Sha256!];
            Assert.Equal(v.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal(v.Size, bytes.LongLength);
        });
        Assert.Equal(files.Select(v => v.Sha256!).ToHashSet(), Demo.Blobs.Keys.ToHashSet());
    }

    [Fact]
    public void Create_SameDateDifferentTime_GivesTheSameProgramAndBytes()
    {
        var later = DemoProgram.Create(FixedClock.At(2026, 3, 15, 23));

        Assert.Null(DeepEquality.FirstDifference(P, later.Program));
        Assert.Equal(Demo.Blobs.OrderBy(b => b.Key).Select(b => b.Value), later.Blobs.OrderBy(b => b.Key).Select(b => b.Value));
    }

    [Fact]
    public void Create_AnotherDate_ShiftsTheDates()
    {
        var next = DemoProgram.Create(FixedClock.At(2026, 9, 1));

        Assert.NotEqual(P.Evidence[0].Current.EffectiveFrom, next.Program.Evidence[0].Current.EffectiveFrom);
        Assert.Empty(ProgramValidator.Validate(next.Program, ShippedContent.Catalog));
    }
}
