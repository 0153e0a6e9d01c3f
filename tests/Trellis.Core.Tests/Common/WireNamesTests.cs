using System.Text.Json;
using Trellis.Core.Advice;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Core.Risks;
using Trellis.Testing;

namespace Trellis.Core.Tests.Common;

/// <summary>One wire-name table per enum: sound, complete, and spelling what was already published.</summary>
public class WireNamesTests
{
    private static readonly JsonSerializerOptions Strict = new() { Converters = { new WireNamesJsonConverter() } };
    private static readonly JsonSerializerOptions Lenient = new() { Converters = { new WireNamesJsonConverter(acceptMemberNames: true) } };

    // A [Flags] set of Trust Services categories: written as category names (RoadmapWire.CategoriesFor), not as one name.
    private static readonly Type[] NoTable = [typeof(ServiceCommitments)];

    public static TheoryData<Type> CoreEnums => [.. WireNameChecks.PublicEnums(typeof(WireNames).Assembly)];

    public static TheoryData<Type> Tables => [.. WireNameChecks.PublicEnums(typeof(WireNames).Assembly).Where(WireNameChecks.HasTable)];

    // The names CLI JSON, API JSON, program.yaml, content files and reports have always used, in declaration order
    // (ErrorCategory: the categories issue #12 names).
    public static TheoryData<Type, string[]> Published => new()
    {
        { typeof(EngagementKind), ["soc2-type1", "soc2-type2", "iso-stage1", "iso-stage2", "iso-surveillance-1", "iso-surveillance-2", "iso-recertification", "internal-audit", "management-review"] },
        { typeof(PlanEventKind), ["iso-stage1", "iso-stage2", "iso-certification-decision", "iso-surveillance-1", "iso-surveillance-2", "iso-recertification", "soc2-type1", "soc2-type2-window", "soc2-fieldwork", "soc2-report", "internal-audit", "management-review"] },
        { typeof(FindingKind), ["major-nonconformity", "minor-nonconformity", "opportunity-for-improvement", "soc2-exception"] },
        { typeof(FindingStatus), ["open", "action-planned", "resolved", "verified-effective", "closed"] },
        { typeof(RequestStatus), ["answered", "stale", "missing"] },
        { typeof(AuditRequestStatus), ["open", "assigned", "answered", "flagged", "accepted"] },
        { typeof(Firmness), ["rule", "practice", "planning"] },
        { typeof(Cadence), ["continuous", "daily", "weekly", "monthly", "quarterly", "semi-annual", "annual", "on-event"] },
        { typeof(ImplementationStatus), ["planned", "in-progress", "implemented", "not-applicable"] },
        { typeof(Trellis.Core.Operations.ControlTaskStatus), ["open", "overdue", "snoozed", "done", "did-not-occur"] },
        { typeof(Trellis.Core.Policies.PolicyStatus), ["draft", "in-review", "approved", "published", "superseded"] },
        { typeof(InclusionReason), ["risk", "legal", "contractual", "business"] },
        { typeof(SubserviceMethod), ["carve-out", "inclusive"] },
        { typeof(Trellis.Core.Vendors.VendorCriticality), ["low", "medium", "high", "critical"] },
        { typeof(Trellis.Core.Vendors.Soc2ReportType), ["type1", "type2"] },
        { typeof(Trellis.Core.Vendors.AuditOpinion), ["unqualified", "qualified", "adverse", "disclaimer"] },
        { typeof(RiskTreatment), ["modify", "retain", "avoid", "share"] },
        { typeof(ReadinessStatus), ["covered", "partial", "gap", "not-applicable", "not-relevant"] },
        { typeof(FreshnessState), ["fresh", "stale", "missing"] },
        { typeof(Relationship), ["equal", "subset-of", "superset-of", "intersects-with", "no-relationship"] },
        { typeof(Rationale), ["syntactic", "semantic", "functional"] },
        { typeof(LinkOrigin), ["curated", "inverted", "inferred"] },
        { typeof(CoverageLevel), ["full", "partial", "none"] },
        { typeof(ClaimVerdict), ["confirmed", "tangential", "wrong", "nonexistent"] },
        { typeof(RequirementKind), ["clause", "control", "enhancement", "criterion", "function", "category", "subcategory", "group", "point-of-focus"] },
        { typeof(JudgementKind), ["sufficient", "not-relevant"] },
        { typeof(DecisionCriterion), ["market", "buyers", "maturity", "architecture", "deadline", "existing"] },
        { typeof(Recommendation), ["soc2-first", "iso-first", "both", "add-soc2", "add-iso27001"] },
        { typeof(TargetMarket), ["us", "global", "regulated"] },
        { typeof(BuyerExpectation), ["type2", "iso", "both", "unknown"] },
        { typeof(OrganizationalMaturity), ["scaling", "formal"] },
        { typeof(ProductArchitecture), ["saas", "multi-unit"] },
        { typeof(ExistingAssurance), ["soc2-type1", "soc2-type2", "iso27001"] },
        { typeof(TaskProgress), ["not-started", "in-progress", "done"] },
        { typeof(CycleStage), ["certified", "after-surveillance-1", "after-surveillance-2"] },
        { typeof(PlanEventState), ["planned", "done", "past"] },
        { typeof(ControlChangeKind), ["added", "changed", "retired", "program-replaced"] },
        { typeof(ErrorCategory), ["not-found", "conflict", "precondition-failed", "precondition-required", "forbidden", "too-large", "unprocessable", "invalid", "internal", "timeout", "unavailable"] },
    };

    [Theory]
    [MemberData(nameof(CoreEnums))]
    public void Of_EveryEnumOfCore_HasExactlyOneTable(Type enumType) =>
        Assert.True(WireNameChecks.HasTable(enumType) != NoTable.Contains(enumType), $"{enumType.Name}: one WireNames table per written enum");

    [Theory]
    [MemberData(nameof(Tables))]
    public void Table_EveryMember_HasAUniqueKebabCaseNameThatParsesBack(Type enumType) =>
        Assert.Empty(WireNameChecks.Problems(enumType));

    [Theory]
    [MemberData(nameof(Published))]
    public void Table_Names_AreThoseAlreadyPublished(Type enumType, string[] names) =>
        Assert.Equal(names, WireNameChecks.NamesInDeclarationOrder(enumType));

    [Fact]
    public void Published_CoversEveryTable() =>
        Assert.Equal(
            WireNameChecks.PublicEnums(typeof(WireNames).Assembly).Where(WireNameChecks.HasTable).Select(t => t.Name).Order(),
            Published.Select(row => ((Type)row[0]).Name).Order());

    [Fact]
    public void Constructor_ValueWithoutName_Throws() =>
        Assert.Throws<ArgumentException>(() => new WireNames<Firmness>(new Dictionary<Firmness, string> { [Firmness.Rule] = "rule" }));

    [Fact]
    public void Constructor_NameUsedTwice_Throws() =>
        Assert.Throws<ArgumentException>(() => new WireNames<CoverageLevel>(new Dictionary<CoverageLevel, string>
        {
            [CoverageLevel.Full] = "full",
            [CoverageLevel.Partial] = "full",
            [CoverageLevel.None] = "none",
        }));

    [Fact]
    public void TryParse_Alias_ParsesButIsNeverWritten()
    {
        Assert.True(FindingWire.TryParse("soc2-deviation", out FindingKind kind));
        Assert.Equal("soc2-exception", kind.ToWire());
        Assert.DoesNotContain("soc2-deviation", FindingWire.KindNames);
    }

    [Theory]
    [InlineData("Soc2Type2")]
    [InlineData("SOC2-TYPE2")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_AnythingButAWireName_IsRefused(string? text) => Assert.False(EngagementKinds.TryParse(text, out _));

    [Fact]
    public void JsonConverter_WritesWireNames_AsValuesAndKeys()
    {
        var json = JsonSerializer.Serialize(new { kind = EngagementKind.IsoSurveillance1, counts = new Dictionary<ReadinessStatus, int> { [ReadinessStatus.NotApplicable] = 2 }, status = (FindingStatus?)null }, Strict);
        Assert.Equal("""{"kind":"iso-surveillance-1","counts":{"not-applicable":2},"status":null}""", json);
    }

    [Fact]
    public void JsonConverter_ReadsWireNames_AndRefusesMemberNamesUnlessAsked()
    {
        Assert.Equal(FindingKind.Exception, JsonSerializer.Deserialize<FindingKind>("\"soc2-exception\"", Strict));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<FindingKind>("\"Exception\"", Strict));
        Assert.Equal(FindingKind.Exception, JsonSerializer.Deserialize<FindingKind>("\"Exception\"", Lenient));
        Assert.Equal(FindingKind.Exception, JsonSerializer.Deserialize<FindingKind>("\"soc2-exception\"", Lenient));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<FindingKind>("\"3\"", Lenient));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<FindingKind>("3", Lenient));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<FindingKind>("\"exception\"", Lenient));
    }

    [Fact]
    public void JsonConverter_EnumWithoutTable_IsRefused() =>
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(ServiceCommitments.Privacy, Strict));
}
