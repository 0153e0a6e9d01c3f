using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Core.Risks;
using Trellis.Testing;

namespace Trellis.Core.Tests.Program;

public class ProgramValidatorTests
{
    private static readonly FrameworkCatalog Catalog = new CatalogBuilder()
        .Framework("iso27001-2022", "4.1", "A.5.1", "A.5.15", "A.5.18", "A.7.4")
        .Framework("soc2-2017", "CC6.1", "CC6.2")
        .Build();

    private static readonly Control Ac01 = new()
    {
        Id = "AC-01",
        Title = "Access control policy",
        Mappings = [new(new RequirementRef("iso27001-2022", "A.5.15"), Relationship.Equal), new(new RequirementRef("soc2-2017", "CC6.1"), Relationship.SubsetOf)],
    };

    private static readonly EvidenceVersion FileVersion = new()
    {
        Number = 1,
        Sha256 = new string('a', 64),
        FileName = "policy.pdf",
        Size = 10,
        CollectedAt = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero),
        EffectiveFrom = new DateOnly(2025, 2, 1),
        EffectiveTo = new DateOnly(2025, 2, 28),
    };

    private static readonly EvidenceItem Ev1 = new() { Id = "EV-1", Title = "Policy", ControlIds = ["AC-01"], Versions = [FileVersion] };

    private static readonly Risk R1 = new()
    {
        Id = "R-01",
        Title = "Account takeover",
        InherentLikelihood = 4,
        InherentImpact = 5,
        ResidualLikelihood = 2,
        ResidualImpact = 3,
        ControlIds = ["AC-01"],
        RequirementIds = ["A.5.15", "soc2-2017:CC6.2"],
        Plan = [new TreatmentAction("Enforce MFA", ["AC-01"], new DateOnly(2025, 6, 30), false)],
        Acceptance = new RiskAcceptance("ceo", new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1)),
    };

    private static readonly ComplianceProgram Valid = new()
    {
        Organization = "Test Co",
        Controls = [Ac01],
        Evidence = [Ev1],
        Risks = [R1],
        Soa =
        [
            new SoaDecision { Control = "A.5.15", Reasons = [InclusionReason.Risk] },
            new SoaDecision { Control = "A.7.4", Applicable = false, Justification = "Carved out to the cloud provider" },
        ],
        Scope = new ProgramScope { TscCategories = ["security", "availability"] },
    };

    [Fact]
    public void Validate_ConsistentProgram_HasNoErrors() => Assert.Empty(ProgramValidator.Validate(Valid, Catalog));

    [Fact]
    public void Validate_DuplicateControlIds_ReportsEachRepeat() =>
        AssertOnly(Valid with { Controls = [Ac01, Ac01 with { Title = "Again" }, Ac01] }, "duplicate-id", "controls[AC-01]", 2);

    [Fact]
    public void Validate_DuplicateEvidenceIds_Reported() =>
        AssertOnly(Valid with { Evidence = [Ev1, Ev1] }, "duplicate-id", "evidence[EV-1]");

    [Fact]
    public void Validate_DuplicateRiskIds_Reported() =>
        AssertOnly(Valid with { Risks = [R1, R1] }, "duplicate-id", "risks[R-01]");

    [Fact]
    public void Validate_DuplicateSoaRows_Reported() =>
        AssertOnly(Valid with { Soa = [.. Valid.Soa, new SoaDecision { Control = "A.5.15" }] }, "duplicate-id", "soa.rows[A.5.15]");

    [Fact]
    public void Validate_BlankControlId_Reported() =>
        AssertOnly(Valid with { Controls = [Ac01, Ac01 with { Id = " " }] }, "missing-id", "controls[1]");

    [Fact]
    public void Validate_MappingToUnknownFramework_NamesTheNearestFramework()
    {
        var error = AssertOnly(WithMapping(new RequirementRef("iso27001-2013", "A.5.15"), Relationship.Equal), "unknown-framework", "controls[AC-01].mappings[2].requirement");

        Assert.Contains("iso27001-2022", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MappingToUnknownRequirement_NamesTheNearestRequirements()
    {
        var error = AssertOnly(WithMapping(new RequirementRef("iso27001-2022", "A.5.19"), Relationship.Equal), "unknown-requirement", "controls[AC-01].mappings[2].requirement");

        Assert.Contains("A.5.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoRelationshipMapping_Reported() =>
        AssertOnly(WithMapping(new RequirementRef("iso27001-2022", "A.5.1"), Relationship.NoRelationship), "invalid-relationship", "controls[AC-01].mappings[2].relationship");

    [Fact]
    public void Validate_SameRequirementMappedTwice_Reported() =>
        AssertOnly(WithMapping(new RequirementRef("soc2-2017", "CC6.1"), Relationship.IntersectsWith), "duplicate-mapping", "controls[AC-01].mappings[2]");

    [Fact]
    public void Validate_EvidenceLinkingUnknownControl_NamesTheNearestControl()
    {
        var error = AssertOnly(Valid with { Evidence = [Ev1 with { ControlIds = ["AC-01", "AC-1"] }] }, "unknown-control", "evidence[EV-1].controls[1]");

        Assert.Contains("AC-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EvidenceVersionWithoutFileOrUrl_Reported() =>
        AssertOnly(WithVersion(FileVersion with { Sha256 = null, FileName = null, Size = 0 }), "missing-content", "evidence[EV-1].versions[0]");

    [Fact]
    public void Validate_EvidenceVersionWithFileAndUrl_Reported() =>
        AssertOnly(WithVersion(FileVersion with { Url = "https://example.org/x" }), "ambiguous-content", "evidence[EV-1].versions[0]");

    [Fact]
    public void Validate_EvidenceWithoutVersions_Reported() =>
        AssertOnly(Valid with { Evidence = [Ev1 with { Versions = [] }] }, "missing-versions", "evidence[EV-1].versions");

    [Fact]
    public void Validate_EffectiveToBeforeEffectiveFrom_Reported() =>
        AssertOnly(WithVersion(FileVersion with { EffectiveTo = new DateOnly(2025, 1, 31) }), "invalid-period", "evidence[EV-1].versions[0].effectiveTo");

    [Fact]
    public void Validate_VersionNumbersNotIncreasing_Reported() =>
        AssertOnly(Valid with { Evidence = [Ev1 with { Versions = [FileVersion with { Number = 2 }, FileVersion with { Number = 2 }] }] }, "invalid-version-number", "evidence[EV-1].versions[1].number");

    [Theory]
    [InlineData("ABC", "policy.pdf", 10, "invalid-sha256", "sha256")]
    [InlineData(null, "", 10, "missing-file-name", "fileName")]
    [InlineData(null, "policy.pdf", 0, "empty-file", "size")]
    public void Validate_BadFileVersion_Reported(string? sha, string fileName, long size, string code, string field) =>
        AssertOnly(WithVersion(FileVersion with { Sha256 = sha ?? FileVersion.Sha256, FileName = fileName, Size = size }), code, $"evidence[EV-1].versions[0].{field}");

    [Fact]
    public void Validate_LinkThatIsNotAnAbsoluteUrl_Reported() =>
        AssertOnly(WithVersion(FileVersion with { Sha256 = null, FileName = null, Size = 0, Url = "intranet/page" }), "invalid-url", "evidence[EV-1].versions[0].url");

    [Theory]
    [InlineData(0, "x.pdf", "invalid-file-name", "fileName")]
    [InlineData(5, null, "invalid-size", "size")]
    public void Validate_LinkWithFileDetails_Reported(long size, string? fileName, string code, string field) =>
        AssertOnly(WithVersion(FileVersion with { Sha256 = null, FileName = fileName, Size = size, Url = "https://example.org/x" }), code, $"evidence[EV-1].versions[0].{field}");

    [Theory]
    [InlineData(6, 5, "inherentLikelihood")]
    [InlineData(5, 0, "inherentImpact")]
    public void Validate_RiskOutsideTheMatrix_Reported(int likelihood, int impact, string field) =>
        AssertOnly(Valid with { Risks = [R1 with { InherentLikelihood = likelihood, InherentImpact = impact }] }, "off-matrix", $"risks[R-01].{field}");

    [Fact]
    public void ValidateRisk_OneRiskAgainstTheProgramsMatrixAndControls_ReportsWhatValidateWould()
    {
        var small = new RiskMatrix { LikelihoodLevels = 3, ImpactLevels = 3, Levels = [new("low", 1), new("high", 5)], AcceptanceThreshold = "high" };
        var broken = R1 with { Plan = [new TreatmentAction("Enforce MFA", ["AC-02"], null, false)] };

        var errors = ProgramValidator.ValidateRisk(broken, small, ["AC-01"], Catalog);

        Assert.Empty(ProgramValidator.ValidateRisk(R1, RiskMatrix.Default, ["AC-01"], Catalog));
        Assert.Equal(
            [("off-matrix", "risks[R-01].inherentLikelihood"), ("off-matrix", "risks[R-01].inherentImpact"), ("unknown-control", "risks[R-01].plan[0].controls[0]")],
            errors.Select(e => (e.Code, e.Location)));
    }

    [Fact]
    public void Validate_RiskOnASmallerMatrix_IsCheckedAgainstThatMatrix()
    {
        var small = new RiskMatrix { LikelihoodLevels = 3, ImpactLevels = 3, Levels = [new("low", 1), new("high", 5)], AcceptanceThreshold = "high" };

        var errors = ProgramValidator.Validate(Valid with { RiskMatrix = small }, Catalog);

        Assert.Equal(["risks[R-01].inherentLikelihood", "risks[R-01].inherentImpact"], errors.Select(e => e.Location));
    }

    [Fact]
    public void Validate_RiskWithUnknownControl_Reported() =>
        AssertOnly(Valid with { Risks = [R1 with { ControlIds = ["AC-02"] }] }, "unknown-control", "risks[R-01].controls[0]");

    [Fact]
    public void Validate_PlanActionWithUnknownControl_Reported() =>
        AssertOnly(Valid with { Risks = [R1 with { Plan = [new TreatmentAction("x", ["AC-09"], null, false)] }] }, "unknown-control", "risks[R-01].plan[0].controls[0]");

    [Theory]
    [InlineData("A.5.99", "unknown-requirement")]
    [InlineData("soc2-2017:CC9.9", "unknown-requirement")]
    [InlineData("nist:PR.AA-01", "unknown-framework")]
    public void Validate_RiskWithUnknownRequirement_Reported(string requirement, string code) =>
        AssertOnly(Valid with { Risks = [R1 with { RequirementIds = [requirement] }] }, code, "risks[R-01].requirements[0]");

    [Fact]
    public void Validate_AcceptanceExpiringBeforeItWasGiven_Reported() =>
        AssertOnly(Valid with { Risks = [R1 with { Acceptance = new RiskAcceptance("ceo", new DateOnly(2025, 5, 1), new DateOnly(2025, 4, 30)) }] }, "invalid-period", "risks[R-01].acceptance.expires");

    [Theory]
    [InlineData("4.1")]
    [InlineData("A.5.99")]
    [InlineData("CC6.1")]
    public void Validate_SoaRowForSomethingOtherThanAnAnnexAControl_Reported(string id) =>
        AssertOnly(Valid with { Soa = [new SoaDecision { Control = id, Reasons = [InclusionReason.Business] }] }, "not-annex-a", $"soa.rows[{id}].control");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_SoaExclusionWithoutJustification_Reported(string justification) =>
        AssertOnly(Valid with { Soa = [new SoaDecision { Control = "A.7.4", Applicable = false, Justification = justification }] }, "justification-required", "soa.rows[A.7.4].justification");

    [Fact]
    public void Validate_UnknownTscCategory_NamesTheNearest()
    {
        var error = AssertOnly(Valid with { Scope = new ProgramScope { TscCategories = ["security", "availabilty"] } }, "unknown-tsc-category", "scope.tscCategories[1]");

        Assert.Contains("nearest: availability", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TscCategoriesWithoutSecurity_Reported() =>
        AssertOnly(Valid with { Scope = new ProgramScope { TscCategories = ["availability"] } }, "missing-tsc-category", "scope.tscCategories");

    [Fact]
    public void Validate_MatrixThresholdThatIsNotALevel_Reported() =>
        AssertOnly(Valid with { RiskMatrix = RiskMatrix.Default with { AcceptanceThreshold = "severe" } }, "invalid-matrix", "riskMatrix.acceptanceThreshold");

    [Fact]
    public void Validate_MatrixLevelsNotAscending_Reported() =>
        AssertOnly(Valid with { RiskMatrix = RiskMatrix.Default with { Levels = [new("low", 1), new("high", 10), new("medium", 5)] } }, "invalid-matrix", "riskMatrix.levels[2].minScore");

    [Fact]
    public void Validate_SeveralProblems_AllReported()
    {
        var broken = Valid with
        {
            Controls = [Ac01, Ac01],
            Evidence = [Ev1 with { ControlIds = ["AC-99"] }],
            Soa = [new SoaDecision { Control = "A.7.4", Applicable = false }],
        };

        var codes = ProgramValidator.Validate(broken, Catalog).Select(e => e.Code);

        Assert.Equal(["duplicate-id", "unknown-control", "justification-required"], codes);
    }

    private static ComplianceProgram WithMapping(RequirementRef requirement, Relationship relationship) =>
        Valid with { Controls = [Ac01 with { Mappings = [.. Ac01.Mappings, new ControlMapping(requirement, relationship)] }] };

    private static ComplianceProgram WithVersion(EvidenceVersion version) => Valid with { Evidence = [Ev1 with { Versions = [version] }] };

    private static Error AssertOnly(ComplianceProgram program, string code, string location, int count = 1)
    {
        var errors = ProgramValidator.Validate(program, Catalog);

        Assert.Equal(count, errors.Count);
        Assert.All(errors, e =>
        {
            Assert.Equal(code, e.Code);
            Assert.Equal(location, e.Location);
        });
        return errors[0];
    }
}
