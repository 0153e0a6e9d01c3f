using System.Text.Json;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary>
/// Issue 12: the CLI is an audited actor. Its writes go through the application layer and land in the same hash chain
/// as the web's, as <c>cli:&lt;operating-system user&gt;</c>; a refused write leaves no entry; tokens for automation.
/// </summary>
public sealed class CliAuditTrailTests : IDisposable
{
    private static readonly FixedClock Clock = FixedClock.On(2026, 11, 27);
    private static readonly string Operator = "cli:" + Environment.UserName;
    private readonly string _dir = Directory.CreateTempSubdirectory("trellis-cli-audit-").FullName;

    private string Db => Path.Combine(_dir, "t.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, Clock);
        return (code, output.ToString(), error.ToString());
    }

    private List<JsonElement> Log(params string[] extra) =>
        [.. JsonDocument.Parse(Run(["audit-log", "list", "--format", "json", "--db", Db, .. extra]).Out).RootElement.EnumerateArray()];

    [Fact]
    public void CliWrites_AreInTheHashChain_AsTheOperatingSystemUser()
    {
        Assert.Equal(0, Run("demo", "--db", Db).Code);
        var control = JsonDocument.Parse(Run("controls", "--format", "json", "--db", Db).Out).RootElement[0].GetProperty("id").GetString()!;
        var file = Path.Combine(_dir, "access-review.txt");
        File.WriteAllText(file, "Q4 access review, signed");
        var added = Run("evidence", "add", control, file, "--effective", "2026-11-01", "--db", Db);
        Assert.True(added.Code == 0, added.Err);
        Assert.Equal(0, Run("plan", "--certification-decision", "2027-03-15", "--soc2-start", "2027-01-01", "--today", "2026-11-27", "--save", "--db", Db).Code);

        var log = Log();

        Assert.Equal(["program.load-demo", "engagements.load-demo", "evidence.add", "engagements.plan"], log.Select(e => e.GetProperty("action").GetString()));
        Assert.All(log, e => Assert.Equal(Operator, e.GetProperty("actor").GetString()));
        Assert.Equal(Enumerable.Range(1, log.Count).Select(i => (long)i), log.Select(e => e.GetProperty("seq").GetInt64()));
        Assert.Equal("evidence/" + added.Out.Split(' ')[0], log[2].GetProperty("target").GetString());
        Assert.Equal(["evidence.add", "engagements.plan"], Log("--since", "2").Select(e => e.GetProperty("action").GetString()));
        var verify = Run("audit-log", "verify", "--db", Db);
        Assert.True(verify.Code == 0, verify.Err);
        Assert.Contains("4 entries intact", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusedWrite_LeavesNoEntry()
    {
        Assert.Equal(0, Run("demo", "--db", Db).Code);
        var before = Log().Count;
        var file = Path.Combine(_dir, "x.txt");
        File.WriteAllText(file, "x");

        Assert.Equal(2, Run("evidence", "add", "NO-SUCH-CONTROL", file, "--effective", "2026-11-01", "--db", Db).Code);

        Assert.Equal(before, Log().Count);
    }

    [Fact]
    public void Tokens_CreateAndRevoke_AreAudited()
    {
        Assert.Equal(0, Run("users", "add", "bot@example.com", "--role", "viewer", "--db", Db).Code);

        var created = Run("tokens", "create", "bot@example.com", "--name", "ci", "--expires", "2027-06-30", "--db", Db);
        Assert.True(created.Code == 0, created.Err);
        Assert.StartsWith("trl_", created.Out.Trim(), StringComparison.Ordinal);
        Assert.Equal(0, Run("tokens", "revoke", "ci", "--user", "bot@example.com", "--db", Db).Code);
        Assert.Equal(2, Run("tokens", "revoke", "ci", "--user", "bot@example.com", "--db", Db).Code);
        Assert.Equal(2, Run("tokens", "create", "nobody@example.com", "--name", "x", "--db", Db).Code);

        var actions = Log().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("actor").GetString())).ToList();
        Assert.Contains(("token.create", Operator), actions);
        Assert.Contains(("token.revoke", Operator), actions);
        Assert.Equal(0, Run("audit-log", "verify", "--db", Db).Code);
    }

    [Fact]
    public void As_ActsAsTheNamedAccount_WithItsRole()
    {
        Assert.Equal(0, Run("demo", "--db", Db).Code);
        Assert.Equal(0, Run("users", "add", "cm@example.com", "--role", "compliance-manager", "--db", Db).Code);
        Assert.Equal(0, Run("users", "add", "viewer@example.com", "--role", "viewer", "--db", Db).Code);
        var control = JsonDocument.Parse(Run("controls", "--format", "json", "--db", Db).Out).RootElement[0].GetProperty("id").GetString()!;
        var file = Path.Combine(_dir, "review.txt");
        File.WriteAllText(file, "review");
        var before = Log().Count;

        var asManager = Run("evidence", "add", control, file, "--effective", "2026-11-01", "--db", Db, "--as", "cm@example.com");
        var asViewer = Run("evidence", "add", control, file, "--effective", "2026-11-02", "--db", Db, "--as", "viewer@example.com");
        var asNobody = Run("evidence", "add", control, file, "--effective", "2026-11-03", "--db", Db, "--as", "nobody@example.com");
        var viewerMakesUser = Run("users", "add", "x@example.com", "--role", "admin", "--db", Db, "--as", "viewer@example.com");

        Assert.True(asManager.Code == 0, asManager.Err);
        Assert.Equal(2, asViewer.Code);
        Assert.Contains("you do not own control", asViewer.Err, StringComparison.Ordinal);
        Assert.Equal(2, asNobody.Code);
        Assert.Contains("no account 'nobody@example.com'", asNobody.Err, StringComparison.Ordinal);
        Assert.Equal(2, viewerMakesUser.Code);
        var added = Log().Skip(before).ToList();
        Assert.Equal([("evidence.add", "cm@example.com")], added.Select(e => (e.GetProperty("action").GetString(), e.GetProperty("actor").GetString())));
    }

    [Fact]
    public void As_AnAuditor_ReadsOnlyTheirFrameworks()
    {
        Assert.Equal(0, Run("demo", "--db", Db).Code);
        var auditor = Run("users", "add", "auditor@cpa.example", "--role", "auditor", "--expires", "2027-06-30", "--frameworks", "soc2-2017", "--db", Db);
        Assert.True(auditor.Code == 0, auditor.Err);

        var soc2 = Run("readiness", "soc2-2017", "--format", "json", "--db", Db, "--as", "auditor@cpa.example");
        var iso = Run("readiness", "iso27001-2022", "--format", "json", "--db", Db, "--as", "auditor@cpa.example");
        var soa = Run("soa", "--format", "json", "--db", Db, "--as", "auditor@cpa.example");

        Assert.True(soc2.Code == 0, soc2.Err);
        Assert.Equal(2, iso.Code);
        Assert.Contains("unknown framework 'iso27001-2022'", iso.Err, StringComparison.Ordinal);
        Assert.Equal(2, soa.Code);
    }
}
