using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Core.Vendors;

namespace Trellis.Core.Tests.Vendors;

public sealed class VendorStandingTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static Vendor Cloud => new()
    {
        Id = "V-CLOUD",
        Name = "Cloud Host",
        ReviewCadence = Cadence.Annual,
        LastReview = new DateOnly(2026, 6, 1),
    };

    [Fact]
    public void ReviewDue_AnnualCadence_IsTwelveMonthsAfterTheLastReview() =>
        Assert.Equal(new DateOnly(2027, 6, 1), VendorStanding.ReviewDue(Cloud));

    [Fact]
    public void Warnings_Soc2PeriodEndedMoreThanTwelveMonthsAgo_IsExpiredException()
    {
        var vendor = Cloud with { Soc2 = new Soc2Assurance(Soc2ReportType.Type2, new DateOnly(2024, 10, 1), new DateOnly(2025, 9, 30), AuditOpinion.Unqualified) };

        var w = Assert.Single(VendorStanding.Warnings(vendor, Today));

        Assert.Equal(VendorStanding.Soc2Expired, w.Kind);
        Assert.True(w.IsException);
        Assert.Equal(new DateOnly(2026, 9, 30), w.On);
        Assert.Contains("Cloud Host", w.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_Soc2PeriodEndedElevenMonthsAgo_ExpiresSoonButHolds()
    {
        var vendor = Cloud with { Soc2 = new Soc2Assurance(Soc2ReportType.Type2, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), AuditOpinion.Unqualified) };

        var w = Assert.Single(VendorStanding.Warnings(vendor, Today));

        Assert.Equal(VendorStanding.AssuranceExpiring, w.Kind);
        Assert.False(w.IsException);
    }

    [Fact]
    public void Warnings_IsoExpiredYesterdayAndNeverReviewed_TwoExceptions()
    {
        var vendor = Cloud with { LastReview = null, Iso27001 = new IsoCertificateAssurance("C-1", Today.AddDays(-1)) };

        var kinds = VendorStanding.Warnings(vendor, Today).Select(w => w.Kind);

        Assert.Equal([VendorStanding.ReviewOverdue, VendorStanding.IsoExpired], kinds);
    }

    [Fact]
    public void Warnings_QualifiedOpinion_IsAnException() =>
        Assert.Contains(
            VendorStanding.Warnings(Cloud with { Soc2 = new Soc2Assurance(Soc2ReportType.Type2, new DateOnly(2026, 1, 1), new DateOnly(2026, 9, 30), AuditOpinion.Qualified) }, Today),
            w => w.Kind == VendorStanding.Soc2Modified && w.IsException);

    [Theory]
    [InlineData("", "id")]
    [InlineData("V 1", "id")]
    public void Validate_BadId_NamesTheField(string id, string field) =>
        Assert.Equal(field, VendorStanding.Validate(Cloud with { Id = id })!.Location);

    [Fact]
    public void Validate_DailyReviews_AreRefused() =>
        Assert.Equal("reviewCadence", VendorStanding.Validate(Cloud with { ReviewCadence = Cadence.Daily })!.Location);

    [Fact]
    public void Annotate_Exception_AddsAReasonNamingTheVendorToCc92Only()
    {
        var report = new ReadinessReport("soc2", Today, null,
        [
            new RequirementReadiness("CC9.2", "Vendors", ReadinessStatus.Covered, ["AC-23"], [], ["covered by AC-23"], []),
            new RequirementReadiness("CC6.1", "Access", ReadinessStatus.Covered, ["AC-20"], [], ["covered by AC-20"], []),
        ]);
        var warnings = new[] { new VendorWarning(VendorStanding.Soc2Expired, "V-CLOUD", "Cloud Host: SOC 2 report expired", null), new VendorWarning(VendorStanding.ReviewDueSoon, "V-X", "X: review due", null) };

        var annotated = VendorReadiness.Annotate(report, warnings);

        Assert.Equal(["covered by AC-23", "vendor exception: Cloud Host: SOC 2 report expired"], annotated.Requirements[0].Reasons);
        Assert.Equal(ReadinessStatus.Covered, annotated.Requirements[0].Status);
        Assert.Equal(["covered by AC-20"], annotated.Requirements[1].Reasons);
    }
}
