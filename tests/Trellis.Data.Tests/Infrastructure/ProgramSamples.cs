using System.Text;
using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Core.Risks;

namespace Trellis.Data.Tests.Infrastructure;

/// <summary>Explicitly written programs for store tests, with the file contents their evidence needs.</summary>
public static class ProgramSamples
{
    /// <summary>"abc", whose SHA-256 is the FIPS 180-2 example digest.</summary>
    public static readonly byte[] Abc = "abc"u8.ToArray();

    public const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    /// <summary>The empty byte string; its SHA-256 is the well-known e3b0c442… digest.</summary>
    public const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>A UTF-8 policy text whose digest the tests compute with the BCL, not with Trellis code.</summary>
    public static readonly byte[] Policy = Encoding.UTF8.GetBytes("Zugriffsrichtlinie v2 — 访问控制策略 ✓\n");

    public static string Sha(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    public static Dictionary<string, byte[]> RichBlobs() => new()
    {
        [AbcSha256] = Abc,
        [EmptySha256] = [],
        [Sha(Policy)] = Policy,
    };

    /// <summary>Every field set, several list orders that are not alphabetical, leap day and month ends, non-ASCII text.</summary>
    public static ComplianceProgram Rich() => new()
    {
        Organization = "Ærøskøbing Cloud ApS — 株式会社",
        Scope = new ProgramScope
        {
            Isms = new IsmsScope
            {
                Statement = "Development and operation of the Lattice SaaS platform",
                Boundaries = ["Copenhagen office", "AWS eu-north-1"],
                Exclusions = ["Marketing website (hosted by a third party)"],
                Interfaces = ["Payroll provider"],
            },
            System = new SystemDescription
            {
                Name = "Lattice",
                Services = ["Hosted analytics"],
                ServiceCommitments = ["99.9% monthly availability", "Data stays in the EU"],
                SystemRequirements = ["Encrypt customer data at rest"],
                Components = new SystemComponents
                {
                    Infrastructure = ["AWS EC2", "AWS RDS"],
                    Software = ["Lattice API", "Lattice UI"],
                    People = ["Engineering", "Support"],
                    Data = ["Customer events"],
                    Procedures = ["Change management"],
                },
                Subservices =
                [
                    new SubserviceOrganization("Amazon Web Services", "IaaS", SubserviceMethod.CarveOut, ["Physical security of data centers"]),
                    new SubserviceOrganization("Stripe", "Payments", SubserviceMethod.Inclusive, []),
                ],
                UserEntityControls = ["Customers manage their own user accounts"],
            },
            TscCategories = ["security", "availability", "confidentiality"],
        },
        RiskMatrix = new RiskMatrix
        {
            LikelihoodLevels = 4,
            ImpactLevels = 3,
            Levels = [new RiskLevel("low", 1), new RiskLevel("elevated", 4), new RiskLevel("severe", 9)],
            AcceptanceThreshold = "elevated",
        },
        Controls =
        [
            new Control
            {
                Id = "OPS-02",
                Title = "Backups are restored quarterly",
                Description = "Restore test of the production database into an isolated account.\nSecond line: ü, ß, 日本.",
                Owner = "sre@lattice.example",
                Cadence = Cadence.Quarterly,
                Status = ImplementationStatus.Implemented,
                Mappings =
                [
                    new ControlMapping(new RequirementRef("iso27001-2022", "A.8.13"), Relationship.Equal),
                    new ControlMapping(new RequirementRef("soc2-2017", "A1.2"), Relationship.SubsetOf),
                ],
            },
            new Control
            {
                Id = "AC-01",
                Title = "Access is reviewed",
                Owner = "ciso@lattice.example",
                Cadence = Cadence.SemiAnnual,
                Status = ImplementationStatus.InProgress,
                Mappings =
                [
                    new ControlMapping(new RequirementRef("soc2-2017", "CC6.1"), Relationship.IntersectsWith),
                    new ControlMapping(new RequirementRef("iso27001-2022", "A.5.15"), Relationship.SupersetOf),
                    new ControlMapping(new RequirementRef("iso27001-2022", "A.5.18"), Relationship.SubsetOf),
                ],
            },
            new Control { Id = "HR-07", Title = "Onboarding", Cadence = Cadence.OnEvent, Status = ImplementationStatus.Planned },
            new Control { Id = "NA-01", Title = "Not applicable control", Cadence = Cadence.Continuous, Status = ImplementationStatus.NotApplicable },
            new Control { Id = "D-1", Title = "Daily", Cadence = Cadence.Daily },
            new Control { Id = "W-1", Title = "Weekly", Cadence = Cadence.Weekly },
            new Control { Id = "M-1", Title = "Monthly", Cadence = Cadence.Monthly },
            new Control { Id = "Y-1", Title = "Annual", Cadence = Cadence.Annual },
        ],
        Evidence =
        [
            new EvidenceItem
            {
                Id = "EV-0002",
                Title = "Restore test report Q1",
                Source = "Runbook RB-12",
                ControlIds = ["OPS-02", "AC-01"],
                Versions =
                [
                    new EvidenceVersion
                    {
                        Number = 1,
                        Sha256 = AbcSha256,
                        FileName = "restore-q1.txt",
                        Size = 3,
                        MediaType = "text/plain",
                        CollectedAt = new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.Zero),
                        EffectiveFrom = new DateOnly(2024, 2, 29),
                    },
                    new EvidenceVersion
                    {
                        Number = 2,
                        Sha256 = Sha(Policy),
                        FileName = "wiederherstellung-ü.txt",
                        Size = Policy.Length,
                        MediaType = "text/plain; charset=utf-8",
                        CollectedAt = new DateTimeOffset(2024, 3, 31, 0, 0, 0, TimeSpan.Zero).AddTicks(1234567),
                        EffectiveFrom = new DateOnly(2024, 1, 31),
                        EffectiveTo = new DateOnly(2024, 3, 31),
                    },
                    new EvidenceVersion
                    {
                        Number = 4,
                        Sha256 = EmptySha256,
                        FileName = "empty.log",
                        Size = 0,
                        CollectedAt = new DateTimeOffset(2024, 12, 31, 12, 0, 0, TimeSpan.Zero),
                        EffectiveFrom = new DateOnly(2024, 12, 31),
                    },
                ],
            },
            new EvidenceItem
            {
                Id = "EV-0001",
                Title = "Access review ticket",
                ControlIds = ["AC-01"],
                Versions =
                [
                    new EvidenceVersion
                    {
                        Number = 1,
                        Url = "https://tickets.example/REV-2023-06?lang=de&q=zugriff",
                        CollectedAt = new DateTimeOffset(2023, 6, 30, 8, 15, 0, TimeSpan.Zero),
                        EffectiveFrom = new DateOnly(2023, 1, 1),
                        EffectiveTo = new DateOnly(2023, 6, 30),
                    },
                ],
            },
            new EvidenceItem
            {
                Id = "EV-0003",
                Title = "Same file again",
                Versions =
                [
                    new EvidenceVersion
                    {
                        Number = 1,
                        Sha256 = AbcSha256,
                        FileName = "copy.txt",
                        Size = 3,
                        CollectedAt = new DateTimeOffset(2025, 4, 30, 0, 0, 0, TimeSpan.Zero),
                        EffectiveFrom = new DateOnly(2025, 4, 30),
                    },
                ],
            },
        ],
        Risks =
        [
            new Risk
            {
                Id = "R-02",
                Title = "Ransomware encrypts production data",
                Asset = "Production database",
                Threat = "Ransomware",
                Vulnerability = "Backups reachable from production credentials",
                Owner = "CTO",
                InherentLikelihood = 3,
                InherentImpact = 3,
                ResidualLikelihood = 1,
                ResidualImpact = 3,
                Treatment = RiskTreatment.Modify,
                ControlIds = ["OPS-02", "AC-01"],
                RequirementIds = ["A.8.13", "A.5.15"],
                Plan =
                [
                    new TreatmentAction("Separate backup account", ["OPS-02"], new DateOnly(2025, 2, 28), true),
                    new TreatmentAction("Quarterly access review of backup roles", ["AC-01", "OPS-02"], null, false),
                    new TreatmentAction("Tabletop exercise", [], new DateOnly(2024, 4, 30), false),
                ],
            },
            new Risk
            {
                Id = "R-01",
                Title = "Supplier outage",
                Treatment = RiskTreatment.Retain,
                Acceptance = new RiskAcceptance("CEO Zoë", new DateOnly(2024, 2, 29), new DateOnly(2025, 2, 28)),
            },
            new Risk { Id = "R-03", Title = "Shared", Treatment = RiskTreatment.Share, Acceptance = new RiskAcceptance("CFO", new DateOnly(2024, 6, 30), null) },
            new Risk { Id = "R-04", Title = "Avoided", Treatment = RiskTreatment.Avoid },
        ],
        Soa =
        [
            new SoaDecision { Control = "A.5.15", Applicable = true, Reasons = [InclusionReason.Risk, InclusionReason.Contractual], DeclaredStatus = ImplementationStatus.Implemented },
            new SoaDecision { Control = "A.5.1", Applicable = true, Reasons = [InclusionReason.Legal, InclusionReason.Business, InclusionReason.Risk] },
            new SoaDecision { Control = "A.7.4", Applicable = false, Justification = "No own premises; physical security monitoring is the landlord's (see contract §4)" },
            new SoaDecision { Control = "A.8.13", DeclaredStatus = ImplementationStatus.InProgress },
        ],
        SoaApproval = new SoaApproval("v3 — 2024", "Management board", new DateOnly(2024, 2, 29)),

        // Not in requirement order; one relies on a control that has since gone (a lapsed judgement is kept as made).
        Judgements =
        [
            new Judgement
            {
                Requirement = new RequirementRef("soc2-2017", "CC6.1-POF2"),
                Kind = JudgementKind.Sufficient,
                Controls =
                [
                    new JudgedControl("OPS-02", ImplementationStatus.Implemented, ["iso27001-2022:A.8.13 equal", "soc2-2017:A1.2 subset-of"]),
                    new JudgedControl("AC-01", ImplementationStatus.InProgress, []),
                    new JudgedControl("GONE-9", ImplementationStatus.NotApplicable, ["soc2-2017:CC6.1 intersects-with"]),
                ],
                Evidence = [new JudgedEvidence("EV-0002", 4), new JudgedEvidence("EV-0001", 1)],
                By = "zoë@lattice.example",
                At = new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.Zero).AddTicks(7654321),
                Rationale = "Restore tests and access reviews together meet the point of focus.\nSecond line: 株式会社.",
            },
            new Judgement
            {
                Requirement = new RequirementRef("soc2-2017", "CC1.2-POF3"),
                Kind = JudgementKind.NotRelevant,
                By = "ceo@lattice.example",
                At = new DateTimeOffset(2025, 1, 31, 8, 0, 0, TimeSpan.Zero),
                Rationale = "No independent board",
            },
        ],
    };

    /// <summary>
    /// A synthetic program: <paramref name="controls"/> controls (CTL-0000…), each mapped to two requirements
    /// and backed by <paramref name="evidencePerControl"/> link evidence items.
    /// </summary>
    public static ComplianceProgram Synthetic(int controls, int evidencePerControl = 1)
    {
        var start = new DateOnly(2025, 1, 31);
        return new ComplianceProgram
        {
            Organization = "Synthetic",
            Controls = [.. Enumerable.Range(0, controls).Select(i => new Control
            {
                Id = $"CTL-{i:D4}",
                Title = $"Control {i}",
                Cadence = Cadence.Monthly,
                Status = ImplementationStatus.Implemented,
                Mappings =
                [
                    new ControlMapping(new RequirementRef("iso27001-2022", $"A.8.{i % 34 + 1}"), Relationship.Equal),
                    new ControlMapping(new RequirementRef("soc2-2017", $"CC{i % 9 + 1}.1"), Relationship.SubsetOf),
                ],
            })],
            Evidence = [.. Enumerable.Range(0, controls * evidencePerControl).Select(i => new EvidenceItem
            {
                Id = $"EV-{i:D7}",
                Title = $"Evidence {i}",
                ControlIds = [$"CTL-{i % controls:D4}"],
                Versions =
                [
                    new EvidenceVersion
                    {
                        Number = 1,
                        Url = $"https://evidence.example/{i}",
                        CollectedAt = new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i),
                        EffectiveFrom = start.AddMonths(i % 12),
                    },
                ],
            })],
            Risks = [new Risk { Id = "R-1", Title = "Risk", ControlIds = controls > 0 ? ["CTL-0000"] : [] }],
            Soa = [new SoaDecision { Control = "A.5.1" }],
        };
    }
}
