using System.Security.Cryptography;
using System.Text;
using Trellis.Content.Demo;
using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Core.Risks;
using Trellis.Exchange.ProgramAsCode;
using Trellis.Testing;

namespace Trellis.Exchange.Tests.ProgramAsCode;

public class ProgramYamlRoundTripTests
{
    private static readonly (ComplianceProgram Program, IReadOnlyDictionary<string, byte[]> Blobs) Demo = DemoProgram.Create(FixedClock.At(2026, 3, 15));

    [Fact]
    public void Demo_ExportImportExport_GivesIdenticalBytes()
    {
        using var first = new ProgramFolder();
        using var second = new ProgramFolder();
        Assert.True(ProgramYamlWriter.Write(Demo.Program, Lookup(Demo.Blobs), first.Root).IsSuccess);

        var imported = first.Read();
        Assert.True(imported.IsSuccess, string.Join("\n", imported.Errors));
        Assert.True(ProgramYamlWriter.Write(imported.Program!, Lookup(imported.Blobs), second.Root).IsSuccess);

        var a = first.Files();
        var b = second.Files();
        Assert.Equal(a.Keys, b.Keys);
        Assert.All(a, f => Assert.True(f.Value.AsSpan().SequenceEqual(b[f.Key]), f.Key));
        Assert.Equal(Demo.Blobs.Count, a.Count - 1);
    }

    [Fact]
    public void Demo_ImportOfExport_EqualsTheDemoElementWise_WithTheSameBlobs()
    {
        using var folder = new ProgramFolder();
        ProgramYamlWriter.Write(Demo.Program, Lookup(Demo.Blobs), folder.Root);

        var imported = folder.Read();

        Assert.True(imported.IsSuccess, string.Join("\n", imported.Errors));
        Assert.Null(DeepEquality.FirstDifference(Demo.Program, imported.Program));
        Assert.Equal(Demo.Blobs.Keys.Order(StringComparer.Ordinal), imported.Blobs.Keys.Order(StringComparer.Ordinal));
        Assert.All(Demo.Blobs, b => Assert.Equal(b.Value, imported.Blobs[b.Key]));
    }

    [Fact]
    public void Demo_Yaml_IsLfOnlyUtf8WithoutBom_AndDeterministic()
    {
        using var folder = new ProgramFolder();
        ProgramYamlWriter.Write(Demo.Program, Lookup(Demo.Blobs), folder.Root);
        var bytes = File.ReadAllBytes(folder.ProgramYaml);
        var text = Encoding.UTF8.GetString(bytes);

        Assert.False(bytes.AsSpan().StartsWith("\uFEFF"u8));
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.StartsWith("format: trellis-program/1\norganization: Northwind Cloud Ltd\n", text, StringComparison.Ordinal);
        Assert.Equal(text, ProgramYamlWriter.ToYaml(Demo.Program));
        Assert.Equal(text, ProgramYamlWriter.ToYaml(DemoProgram.Create(FixedClock.At(2026, 3, 15, 23)).Program));
    }

    [Fact]
    public void Demo_EvidenceFiles_AreNamedByHashPrefixAndSanitizedName()
    {
        using var folder = new ProgramFolder();
        ProgramYamlWriter.Write(Demo.Program, Lookup(Demo.Blobs), folder.Root);
        var version = Demo.Program.Evidence[0].Versions[0];

        var bytes = File.ReadAllBytes(Path.Combine(folder.Root, "evidence", $"{version.Sha256![..16]}-{version.FileName}"));

        Assert.Equal(version.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public void HardStrings_InEveryField_SurviveTheRoundTrip()
    {
        var program = HardProgram();
        var bytes = Encoding.UTF8.GetBytes("evidence body\n");
        var blobs = new Dictionary<string, byte[]> { [Convert.ToHexStringLower(SHA256.HashData(bytes))] = bytes };
        program = program with
        {
            Evidence = [program.Evidence[0] with { Versions = [program.Evidence[0].Versions[0] with { Sha256 = blobs.Keys.Single() }, program.Evidence[0].Versions[1]] }],
        };
        using var first = new ProgramFolder();
        using var second = new ProgramFolder();

        ProgramYamlWriter.Write(program, Lookup(blobs), first.Root);
        var imported = first.Read();
        Assert.True(imported.IsSuccess, string.Join("\n", imported.Errors) + "\n" + File.ReadAllText(first.ProgramYaml));
        ProgramYamlWriter.Write(imported.Program!, Lookup(imported.Blobs), second.Root);

        Assert.Null(DeepEquality.FirstDifference(program, imported.Program));
        Assert.Equal(File.ReadAllBytes(first.ProgramYaml), File.ReadAllBytes(second.ProgramYaml));
    }

    [Fact]
    public void Write_MissingBlob_FailsBeforeWritingAnything()
    {
        using var folder = new ProgramFolder();
        var target = Path.Combine(folder.Root, "out");

        var result = ProgramYamlWriter.Write(Demo.Program, _ => null, target);

        Assert.Equal("missing-blob", result.Error!.Code);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public void Write_CorruptBlob_IsRefused()
    {
        using var folder = new ProgramFolder();

        var result = ProgramYamlWriter.Write(Demo.Program, _ => [1, 2, 3], folder.Root);

        Assert.Equal("checksum-mismatch", result.Error!.Code);
    }

    private static Func<string, byte[]?> Lookup(IReadOnlyDictionary<string, byte[]> blobs) => sha => blobs.GetValueOrDefault(sha);

    // Strings a naive writer would corrupt: YAML indicators, look-alikes of other types, whitespace at the edges,
    // line breaks, quotes, escapes and non-ASCII text.
    private static readonly string[] Hard =
    [
        "", " x ", "null", "~", "true", "No", "0123", "1e3", "2025-02-30", "12:30", "a: b", "# c", "- d", "&e", "*f", "!g", "%h", "@i",
        "'j'", "\"k\"", "l\\m", "n\to", "p\r\nq", "first\nsecond", "trailing\n", "  lead\n  more", "ünïcødé 日本 🚀", "nel\u0085", "{x}", "[y]", "|", ">",
    ];

    private static string H(int i) => Hard[i % Hard.Length];

    private static ComplianceProgram HardProgram()
    {
        var controlId = "AC-01.x_1"; // IDs follow the ID syntax; YAML-hard ones follow
        return new ComplianceProgram
        {
            Organization = "  Org: \"quoted\" # not a comment \n second line",
            Scope = new ProgramScope
            {
                Isms = new IsmsScope { Statement = H(7), Boundaries = [.. Hard], Exclusions = [H(1)], Interfaces = [H(2), H(3)] },
                System = new SystemDescription
                {
                    Name = H(4),
                    Services = [H(5)],
                    ServiceCommitments = [H(6)],
                    SystemRequirements = [H(8)],
                    Components = new SystemComponents { Infrastructure = [H(9)], Software = [H(10)], People = [H(11)], Data = [H(12)], Procedures = [H(13)] },
                    Subservices = [new SubserviceOrganization(H(14), H(15), SubserviceMethod.Inclusive, [H(16), H(17)])],
                    UserEntityControls = [H(18)],
                },
                TscCategories = ["security", "privacy"],
            },
            RiskMatrix = new RiskMatrix { LikelihoodLevels = 3, ImpactLevels = 4, Levels = [new("low", 1), new("high: \"red\"", 6)], AcceptanceThreshold = "high: \"red\"" },
            Controls =
            [
                new Control
                {
                    Id = controlId, Title = H(19), Description = H(20), Owner = H(21), Cadence = Cadence.SemiAnnual, Status = ImplementationStatus.InProgress,
                    Mappings = [new(new RequirementRef("iso27001-2022", "A.5.15"), Relationship.SubsetOf), new(new RequirementRef("soc2-2017", "CC6.1"), Relationship.IntersectsWith)],
                },
                new Control { Id = "0123", Title = H(23) }, // looks like a number
            ],
            Evidence =
            [
                new EvidenceItem
                {
                    Id = "1e3", Title = H(25), Source = H(26), ControlIds = [controlId, "0123"], // looks like a float
                    Versions =
                    [
                        new EvidenceVersion
                        {
                            Number = 1, Sha256 = "set by the test", FileName = "report #1 'final' & ünïcødé 🚀.txt", Size = 14, MediaType = "",
                            CollectedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero).AddTicks(9),
                            EffectiveFrom = new DateOnly(2024, 2, 29), EffectiveTo = new DateOnly(2024, 3, 31),
                        },
                        new EvidenceVersion
                        {
                            Number = 3, Url = "https://example.org/a?b=c#d", MediaType = "text/html",
                            CollectedAt = new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.Zero), EffectiveFrom = new DateOnly(2025, 12, 31),
                        },
                    ],
                },
            ],
            Risks =
            [
                new Risk
                {
                    Id = "2025-02-30", Title = H(28), // looks like a date Asset = H(29), Threat = H(30), Vulnerability = H(31), Owner = H(0),
                    InherentLikelihood = 3, InherentImpact = 4, ResidualLikelihood = 1, ResidualImpact = 2, Treatment = RiskTreatment.Share,
                    ControlIds = [controlId], RequirementIds = ["A.5.15", "soc2-2017:CC6.1"],
                    Plan = [new TreatmentAction(H(2), [controlId], new DateOnly(2026, 1, 31), true), new TreatmentAction(H(3), [], null, false)],
                    Acceptance = new RiskAcceptance(H(5), new DateOnly(2025, 6, 1), null),
                },
            ],
            Soa =
            [
                new SoaDecision { Control = "A.5.15", Reasons = [InclusionReason.Contractual, InclusionReason.Risk], DeclaredStatus = ImplementationStatus.NotApplicable },
                new SoaDecision { Control = "A.7.4", Applicable = false, Justification = H(12) + " carved out" },
            ],
            SoaApproval = new SoaApproval(H(6), H(7), new DateOnly(2025, 2, 28)),
            Judgements =
            [
                new Judgement
                {
                    Requirement = new RequirementRef("soc2-2017", "CC6.1-POF2"), Kind = JudgementKind.Sufficient,
                    Controls = [new JudgedControl(controlId, ImplementationStatus.InProgress, ["iso27001-2022:A.5.15 subset-of", H(9)]), new JudgedControl("0123", ImplementationStatus.Planned, [])],
                    Evidence = [new JudgedEvidence("1e3", 3), new JudgedEvidence("1e3", 1)],
                    By = H(10), At = new DateTimeOffset(2026, 2, 28, 23, 59, 59, TimeSpan.Zero).AddTicks(1234567), Rationale = H(23),
                },
                new Judgement
                {
                    Requirement = new RequirementRef("soc2-2017", "CC1.2-POF3"), Kind = JudgementKind.NotRelevant,
                    By = H(11), At = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), Rationale = H(25),
                },
            ],
            TaskNotes =
            [
                new Trellis.Core.Operations.ControlTaskNote(controlId, new DateOnly(2026, 1, 1)) { Assignee = H(13), SnoozedUntil = new DateOnly(2026, 3, 1), SnoozeReason = H(14) },
                new Trellis.Core.Operations.ControlTaskNote(controlId, new DateOnly(2026, 2, 1)) { DidNotOccurReason = H(15) },
                new Trellis.Core.Operations.ControlTaskNote("0123", new DateOnly(2026, 2, 1)) { Assignee = "" },
            ],
        };
    }
}
