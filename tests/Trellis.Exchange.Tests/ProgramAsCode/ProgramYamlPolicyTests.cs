using Trellis.Content.Demo;
using Trellis.Core.Crosswalk;
using Trellis.Core.Policies;
using Trellis.Core.Program;
using Trellis.Exchange.ProgramAsCode;
using Trellis.Testing;

namespace Trellis.Exchange.Tests.ProgramAsCode;

/// <summary>The <c>policies</c> section of program.yaml (issue 17, items 4 and 8): lossless, and refused with file:line.</summary>
public sealed class ProgramYamlPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly (ComplianceProgram Program, IReadOnlyDictionary<string, byte[]> Blobs) Demo = DemoProgram.Create(new FixedClock(Now));
    private static readonly IReadOnlyList<Policy> Policies = DemoPolicies.Create(Now, Demo.Program.Organization);
    private static readonly ProgramRegisters Registers = new(DemoRegisters.People(new DateOnly(2026, 3, 15)), DemoRegisters.Vendors(new DateOnly(2026, 3, 15)), DemoRegisters.Settings);

    [Fact]
    public void DemoPolicies_ExportImportExport_AreEqualAndTheBytesIdentical()
    {
        using var first = new ProgramFolder();
        using var second = new ProgramFolder();
        Assert.True(ProgramYamlWriter.Write(Demo.Program, sha => Demo.Blobs.GetValueOrDefault(sha), first.Root, Registers, Policies).IsSuccess);

        var read = first.Read();

        Assert.True(read.IsSuccess, string.Join("\n", read.Errors));
        Assert.Equal(8, read.Policies!.Count);
        Assert.Null(DeepEquality.FirstDifference(Policies, read.Policies));
        Assert.True(ProgramYamlWriter.Write(read.Program!, sha => read.Blobs.GetValueOrDefault(sha), second.Root, read.Registers, read.Policies).IsSuccess);
        Assert.Equal(File.ReadAllBytes(first.ProgramYaml), File.ReadAllBytes(second.ProgramYaml));
    }

    [Fact]
    public void DemoPolicies_Yaml_CarriesApprovalsAcknowledgementsAndTheBodyAsABlock()
    {
        var yaml = ProgramYamlWriter.ToYaml(Demo.Program, null, Policies);

        // The demo's information security policy: approved by the CISO 62 days and the CEO 61 days before "now",
        // published 60 days before, acknowledged by four people.
        Assert.Contains("  - id: information-security\n", yaml, StringComparison.Ordinal);
        Assert.Contains("        approvals:\n          - by: priya.shah@northwind.example\n            at: 2026-01-12T12:00:00Z\n", yaml, StringComparison.Ordinal);
        Assert.Contains("        publishedAt: 2026-01-14T12:00:00Z\n        body: |2", yaml, StringComparison.Ordinal);
        Assert.Contains("status: in-review", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void HardStrings_InTitleAndBody_SurviveTheRoundTrip()
    {
        var hard = Policies[0] with
        {
            Title = "Policy: \"quoted\" # not a comment",
            Versions = [.. Policies[0].Versions.Select(v => v with { Body = "# Title  \ntrailing spaces  \n- d\n\ttab\nünïcødé 🚀\n\n" })],
        };
        using var first = new ProgramFolder();
        using var second = new ProgramFolder();
        ProgramYamlWriter.Write(Demo.Program, sha => Demo.Blobs.GetValueOrDefault(sha), first.Root, null, [hard]);

        var read = first.Read();

        Assert.True(read.IsSuccess, string.Join("\n", read.Errors));
        Assert.Null(DeepEquality.FirstDifference(hard, read.Policies!.Single()));
        ProgramYamlWriter.Write(read.Program!, sha => read.Blobs.GetValueOrDefault(sha), second.Root, null, read.Policies);
        Assert.Equal(File.ReadAllBytes(first.ProgramYaml), File.ReadAllBytes(second.ProgramYaml));
    }

    [Fact]
    public void NoPoliciesSection_ReadsAsNull_AndAnEmptyOneAsEmpty()
    {
        using var without = new ProgramFolder();
        without.Write("program.yaml", Head);
        using var empty = new ProgramFolder();
        empty.Write("program.yaml", Head + "policies: []\n");

        Assert.Null(without.Read().Policies);
        Assert.Empty(empty.Read().Policies!);
        Assert.DoesNotContain("policies:", ProgramYamlWriter.ToYaml(Demo.Program), StringComparison.Ordinal);
        Assert.EndsWith("policies: []\n", ProgramYamlWriter.ToYaml(Demo.Program, null, []), StringComparison.Ordinal);
    }

    // Line numbers matter: policies start at line 11.
    private const string Head =
        """
        format: trellis-program/1
        organization: Test Co
        controls:
          - id: AC-01
            title: Access control
            cadence: annual
            status: implemented
            mappings:
              - requirement: iso27001-2022:A.5.15
                relationship: equal

        """;

    private const string Bad =
        """
        policies:
          - id: access
            title: Access control policy
            owner: ciso@example.com
            requirements: [iso27001-2022:A.5.15, iso27001-2022:A.99.1]
            controls: [AC-01, AC-99]
            colour: blue
            versions:
              - number: 1
                author: lead@example.com
                created: 2026-02-30T09:00:00Z
                status: published
                approvers: [ceo@example.com]
                approvals:
                  - by: intern@example.com
                    at: 2026-03-01T09:00:00Z
                publishedAt: 2026-03-02T09:00:00Z
                body: Text.
            acknowledgements:
              - person: ana@example.com
                version: 2
                at: 2026-03-03T09:00:00Z
          - id: access
            title: Twin
            owner: ciso@example.com
            versions:
              - number: 1
                author: lead@example.com
                created: 2026-03-01T09:00:00Z
                status: draft
                body: Text.

        """;

    [Fact]
    public void BadPolicies_FailTheWholeFile_EachAtItsLine()
    {
        using var folder = new ProgramFolder();
        folder.Write("program.yaml", Head + Bad);

        var read = folder.Read();

        Assert.False(read.IsSuccess);
        Assert.Null(read.Policies);
        string At(int line) => $"{folder.ProgramYaml}:{line}";
        Assert.Contains(read.Errors, e => e.Code == "unknown-requirement" && e.Location == At(15) && e.Message.Contains("A.99.1", StringComparison.Ordinal));
        Assert.Contains(read.Errors, e => e.Code == "unknown-control" && e.Location == At(16) && e.Message.Contains("AC-99", StringComparison.Ordinal));
        Assert.Contains(read.Errors, e => e.Code == "unknown-field" && e.Location == At(17) && e.Message.Contains("colour", StringComparison.Ordinal));
        Assert.Contains(read.Errors, e => e.Code == "invalid-instant" && e.Location == At(21));
        Assert.Contains(read.Errors, e => e.Code == "invalid-policy" && e.Location == At(19) && e.Message.Contains("'intern@example.com' approved but is not a named approver", StringComparison.Ordinal));
        Assert.Contains(read.Errors, e => e.Code == "invalid-policy" && e.Location == At(30) && e.Message.Contains("version 2, which does not exist", StringComparison.Ordinal));
        Assert.Contains(read.Errors, e => e.Code == "duplicate-id" && e.Location == At(33));
    }

    [Fact]
    public void OverlongBody_IsRefusedAtItsPolicy()
    {
        using var folder = new ProgramFolder();
        var body = new string('x', PolicyLifecycle.MaxBodyLength + 1);
        folder.Write("program.yaml", Head + $"policies:\n  - id: big\n    title: Big\n    owner: a@example.com\n    versions:\n      - number: 1\n        author: a@example.com\n        created: 2026-03-01T09:00:00Z\n        status: draft\n        body: {body}\n");

        var read = folder.Read();

        Assert.Contains(read.Errors, e => e.Code == "invalid-policy" && e.Location == $"{folder.ProgramYaml}:16" && e.Message.Contains("at most 200000", StringComparison.Ordinal));
    }

    [Fact]
    public void VendorCrossReferences_UnknownRiskAndMonitoringControl_FailAtTheirLines()
    {
        using var folder = new ProgramFolder();
        folder.Write("program.yaml", Head +
            """
            vendors:
              - id: acme
                name: Acme Hosting
                risks: [R-404]
                subservice:
                  method: carve-out
                  controls:
                    - description: Acme restricts physical access to its data centres.
                      monitoredBy: [AC-01, VM-404]

            """);

        var read = folder.Read();

        Assert.False(read.IsSuccess);
        Assert.Contains(read.Errors, e => e.Code == "unknown-risk" && e.Location == $"{folder.ProgramYaml}:14" && e.Message.Contains("R-404", StringComparison.Ordinal));
        Assert.Contains(read.Errors, e => e.Code == "unknown-control" && e.Location == $"{folder.ProgramYaml}:19" && e.Message.Contains("VM-404", StringComparison.Ordinal));
        Assert.DoesNotContain(read.Errors, e => e.Message.Contains("'AC-01'", StringComparison.Ordinal));
    }

    [Fact]
    public void Requirements_AreReadAsFrameworkAndId()
    {
        using var folder = new ProgramFolder();
        folder.Write("program.yaml", ProgramYamlWriter.ToYaml(Demo.Program with { Evidence = [] }, null, [Policies[0] with { EvidenceId = null }]));

        var read = folder.Read();

        Assert.True(read.IsSuccess, string.Join("\n", read.Errors));
        Assert.Contains(new RequirementRef("iso27001-2022", "A.5.1"), read.Policies!.Single().Requirements);
    }
}
