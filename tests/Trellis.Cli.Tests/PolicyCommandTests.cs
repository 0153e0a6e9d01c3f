using System.Security.Cryptography;
using System.Text.Json;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary>
/// Issue 17, item 4: a policy goes draft → in review → approved by every named approver → published → acknowledged,
/// and readiness for A.5.1 (ISO/IEC 27001:2022) and CC5.3 (SOC 2) cites it only once it is published.
/// </summary>
public sealed class PolicyCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("trellis-policies-").FullName;

    private string Db => Path.Combine(_folder, "p.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, new FixedClock(Now));
        return (code, output.ToString(), error.ToString());
    }

    private string Ok(params string[] args)
    {
        var (code, output, error) = Run([.. args, "--db", Db]);
        Assert.True(code == 0, $"{string.Join(' ', args)}: {error}");
        return output;
    }

    private void ImportGovernanceProgram()
    {
        // One implemented control for information security policy, mapped to A.5.1 and CC5.3, with no evidence yet.
        var yaml = Path.Combine(_folder, "program.yaml");
        File.WriteAllText(yaml, """
            format: trellis-program/1
            organization: Lattice Labs
            controls:
              - id: GOV-01
                title: Information security policy set
                owner: ciso@lattice.example
                cadence: annual
                status: implemented
                mappings:
                  - requirement: iso27001-2022:A.5.1
                    relationship: equal
                  - requirement: soc2-2017:CC5.3
                    relationship: equal
            """);
        Ok("import", yaml);
        Ok("users", "add", "ann@lattice.example", "--role", "control-owner");
        Ok("users", "add", "bob@lattice.example", "--role", "viewer");
    }

    private JsonElement Requirement(string framework, string id) =>
        JsonDocument.Parse(Ok("readiness", framework, "--format", "json")).RootElement.GetProperty("requirements").EnumerateArray()
            .Single(r => r.GetProperty("id").GetString() == id);

    [Fact]
    public void Publish_ApprovedPolicy_ReadinessForA51AndCC53CitesIt()
    {
        ImportGovernanceProgram();
        Assert.Empty(Requirement("iso27001-2022", "A.5.1").GetProperty("evidence").EnumerateArray());
        Assert.NotEqual("covered", Requirement("iso27001-2022", "A.5.1").GetProperty("status").GetString());

        Ok("policies", "adopt", "information-security", "--id", "POL-001", "--owner", "ciso@lattice.example");
        Ok("policies", "submit", "POL-001", "--version", "1", "--approver", "ceo@lattice.example", "--approver", "cto@lattice.example");
        Assert.Contains("in-review; waiting for cto@lattice.example", Ok("policies", "approve", "POL-001", "--version", "1", "--by", "ceo@lattice.example"), StringComparison.Ordinal);
        Assert.Contains("approved", Ok("policies", "approve", "POL-001", "--version", "1", "--by", "cto@lattice.example"), StringComparison.Ordinal);
        Assert.Empty(Requirement("iso27001-2022", "A.5.1").GetProperty("evidence").EnumerateArray()); // approved, not published

        Ok("policies", "publish", "POL-001", "--version", "1");

        var policy = JsonDocument.Parse(Ok("policies", "--format", "json")).RootElement.EnumerateArray().Single();
        var evidence = policy.GetProperty("evidence").GetString()!;
        var iso = Requirement("iso27001-2022", "A.5.1");
        var soc = Requirement("soc2-2017", "CC5.3");
        Assert.Equal("covered", iso.GetProperty("status").GetString());
        Assert.Equal([evidence], iso.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([evidence], soc.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("published", policy.GetProperty("status").GetString());
        Assert.Equal("2026-12-03", policy.GetProperty("approved").GetString());
        Assert.Equal(0, policy.GetProperty("acknowledged").GetInt32());
    }

    [Fact]
    public void Acknowledge_OneOfTwoPeople_FiftyPercentAndWhoHasNot()
    {
        ImportGovernanceProgram();
        Ok("policies", "adopt", "information-security", "--id", "POL-001", "--owner", "ciso@lattice.example");
        Ok("policies", "submit", "POL-001", "--version", "1", "--approver", "ceo@lattice.example");
        Ok("policies", "approve", "POL-001", "--version", "1", "--by", "ceo@lattice.example");
        Ok("policies", "publish", "POL-001", "--version", "1");

        Ok("policies", "acknowledge", "POL-001", "--as", "ann@lattice.example");

        var policy = JsonDocument.Parse(Ok("policies", "--format", "json")).RootElement.EnumerateArray().Single();
        Assert.Equal(50, policy.GetProperty("acknowledged").GetInt32());
        Assert.Equal(["bob@lattice.example"], policy.GetProperty("pendingAcknowledgements").EnumerateArray().Select(e => e.GetString()));
        var trail = JsonDocument.Parse(Ok("audit-log", "list", "--format", "json")).RootElement.EnumerateArray().Last();
        Assert.Equal("policy.acknowledge", trail.GetProperty("action").GetString());
        Assert.Equal("ann@lattice.example", trail.GetProperty("actor").GetString());
    }

    [Fact]
    public void Approve_NotANamedApprover_ExitsTwoAndChangesNothing()
    {
        ImportGovernanceProgram();
        Ok("policies", "adopt", "access-control", "--owner", "ciso@lattice.example");
        Ok("policies", "submit", "access-control", "--version", "1", "--approver", "ceo@lattice.example");

        var bad = Run("policies", "approve", "access-control", "--version", "1", "--by", "intern@lattice.example", "--db", Db);

        Assert.Equal(2, bad.Code);
        Assert.Contains("intern@lattice.example is not a named approver", bad.Err, StringComparison.Ordinal);
        Assert.Equal("in-review", JsonDocument.Parse(Ok("policies", "--format", "json")).RootElement.EnumerateArray().Single().GetProperty("status").GetString());
    }

    [Fact]
    public void Publish_NotApproved_ExitsTwoNamingTheState()
    {
        ImportGovernanceProgram();
        Ok("policies", "adopt", "information-security", "--owner", "ciso@lattice.example");

        var bad = Run("policies", "publish", "information-security", "--version", "1", "--db", Db);

        Assert.Equal(2, bad.Code);
        Assert.Contains("version 1 is draft", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportPdf_PublishedPolicy_WritesThePdfAndPrintsBothHashes()
    {
        ImportGovernanceProgram();
        Ok("policies", "adopt", "information-security", "--id", "POL-001", "--owner", "ciso@lattice.example");
        Ok("policies", "submit", "POL-001", "--version", "1", "--approver", "ceo@lattice.example");
        Ok("policies", "approve", "POL-001", "--version", "1", "--by", "ceo@lattice.example");
        Ok("policies", "publish", "POL-001", "--version", "1");
        var pdf = Path.Combine(_folder, "pol.pdf");

        var output = Ok("policies", "export", "POL-001", "--pdf", pdf);

        var bytes = File.ReadAllBytes(pdf);
        Assert.Contains($"pdf sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))}", output, StringComparison.Ordinal);
        var textSha = output.Split('\n').Single(l => l.StartsWith("text sha256 ", StringComparison.Ordinal))["text sha256 ".Length..].Trim();
        Assert.Equal(64, textSha.Length);
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
    }

    [Fact]
    public void NotifyDryRun_PublishedPolicy_EachPersonWhoHasNotAcknowledgedIsTold()
    {
        ImportGovernanceProgram();
        Ok("policies", "adopt", "information-security", "--id", "POL-001", "--owner", "ciso@lattice.example");
        Ok("policies", "submit", "POL-001", "--version", "1", "--approver", "ceo@lattice.example");
        Ok("policies", "approve", "POL-001", "--version", "1", "--by", "ceo@lattice.example");
        Ok("policies", "publish", "POL-001", "--version", "1");
        Ok("policies", "acknowledge", "POL-001", "--as", "ann@lattice.example");

        var digests = JsonDocument.Parse(Ok("notify", "--dry-run", "--format", "json")).RootElement.EnumerateArray().ToList();

        bool Told(string person) => digests.Any(d => d.GetProperty("person").GetString() == person
            && d.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("kind").GetString() == "policy-acknowledgement-pending" && i.GetProperty("subject").GetString() == "POL-001"));
        Assert.True(Told("bob@lattice.example"));
        Assert.False(Told("ann@lattice.example"));
    }

    [Fact]
    public void Notify_ThenNotificationsAsBob_ListsHisPendingAcknowledgement_AndReadMarksIt()
    {
        ImportGovernanceProgram();
        Ok("policies", "adopt", "information-security", "--id", "POL-001", "--owner", "ciso@lattice.example");
        Ok("policies", "submit", "POL-001", "--version", "1", "--approver", "ceo@lattice.example");
        Ok("policies", "approve", "POL-001", "--version", "1", "--by", "ceo@lattice.example");
        Ok("policies", "publish", "POL-001", "--version", "1");
        Ok("notify"); // no SMTP server configured: the in-app lists only

        var bobs = JsonDocument.Parse(Ok("notifications", "--as", "bob@lattice.example", "--format", "json")).RootElement.EnumerateArray().ToList();
        Assert.Contains(bobs, l => l.GetProperty("kind").GetString() == "policy-acknowledgement-pending" && l.GetProperty("subject").GetString() == "POL-001");
        Assert.All(bobs, l => Assert.False(l.GetProperty("read").GetBoolean()));

        Assert.Equal($"{bobs.Count} marked read", Ok("notifications", "read", "--as", "bob@lattice.example").Trim());
        Assert.Empty(JsonDocument.Parse(Ok("notifications", "--as", "bob@lattice.example", "--unread", "--format", "json")).RootElement.EnumerateArray());
        // Ann's list is her own: Bob marking his read left hers unread.
        Assert.NotEmpty(JsonDocument.Parse(Ok("notifications", "--as", "ann@lattice.example", "--unread", "--format", "json")).RootElement.EnumerateArray());
    }
}
