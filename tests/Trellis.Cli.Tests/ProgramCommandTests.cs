using System.Text.Json;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary>
/// Issue 3's done-when, through the real CLI and real databases: demo, readiness, export, re-import
/// (into SQLite, and into PostgreSQL when TRELLIS_TEST_PG is set) gives the same answer.
/// </summary>
public sealed class ProgramCommandTests : IDisposable
{
    private static readonly FixedClock Clock = FixedClock.On(2026, 11, 27);
    private readonly string _dir = Directory.CreateTempSubdirectory("trellis-cli-").FullName;

    private string Db(string name) => Path.Combine(_dir, name);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, Clock);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Demo_ThenReadinessExportImport_GivesTheSameAnswer()
    {
        Assert.Equal(0, Run("demo", "--db", Db("a.db")).Code);
        var before = Run("readiness", "soc2-2017", "--format", "json", "--db", Db("a.db")).Out;
        Assert.Equal(0, Run("export", "--out", Path.Combine(_dir, "x1"), "--db", Db("a.db")).Code);

        Assert.Equal(0, Run("import", Path.Combine(_dir, "x1", "program.yaml"), "--db", Db("b.db")).Code);
        Assert.Equal(0, Run("export", "--out", Path.Combine(_dir, "x2"), "--db", Db("b.db")).Code);

        Assert.Equal(before, Run("readiness", "soc2-2017", "--format", "json", "--db", Db("b.db")).Out);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_dir, "x1", "program.yaml")), File.ReadAllBytes(Path.Combine(_dir, "x2", "program.yaml")));
    }

    [SkippableFact]
    public void Demo_ExportedAndReimportedIntoPostgres_GivesTheSameReadiness()
    {
        var pg = Environment.GetEnvironmentVariable("TRELLIS_TEST_PG");
        Skip.If(string.IsNullOrEmpty(pg), "TRELLIS_TEST_PG not set");
        var database = "trellis_cli_" + Guid.NewGuid().ToString("N");
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(pg) { Database = database, Pooling = false }.ConnectionString;
        try
        {
            Assert.Equal(0, Run("demo", "--db", Db("a.db")).Code);
            Assert.Equal(0, Run("export", "--out", Path.Combine(_dir, "x1"), "--db", Db("a.db")).Code);
            var (code, _, err) = Run("import", Path.Combine(_dir, "x1", "program.yaml"), "--db", cs);
            Assert.True(code == 0, err);

            Assert.Equal(
                Run("readiness", "soc2-2017", "--format", "json", "--db", Db("a.db")).Out,
                Run("readiness", "soc2-2017", "--format", "json", "--db", cs).Out);
            Assert.Equal(
                Run("soa", "--format", "json", "--db", Db("a.db")).Out,
                Run("soa", "--format", "json", "--db", cs).Out);

            // The policies travel too (program.yaml's policies section), with versions, approvals and acknowledgements.
            Assert.Equal(
                Run("policies", "--format", "json", "--db", Db("a.db")).Out,
                Run("policies", "--format", "json", "--db", cs).Out);
            Assert.Equal(
                Run("policies", "show", "business-continuity", "--format", "json", "--db", Db("a.db")).Out,
                Run("policies", "show", "business-continuity", "--format", "json", "--db", cs).Out);
        }
        finally
        {
            using var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(pg) { Pooling = false }.ConnectionString);
            admin.Open();
            using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS {database} WITH (FORCE)";
            drop.ExecuteNonQuery();
        }
    }

    [Fact]
    public void Readiness_Json_HasTheContractShape()
    {
        Run("demo", "--db", Db("a.db"));

        var root = JsonDocument.Parse(Run("readiness", "soc2-2017", "--format", "json", "--db", Db("a.db")).Out).RootElement;

        Assert.Equal("soc2-2017", root.GetProperty("framework").GetString());
        var summary = root.GetProperty("summary");
        var requirements = root.GetProperty("requirements").EnumerateArray().ToList();
        Assert.Equal(61, requirements.Count);
        Assert.Equal(61, summary.EnumerateObject().Sum(p => p.Value.GetInt32()));
        // The demo scopes Security, Availability and Confidentiality: Processing Integrity (5) and Privacy (18) are out.
        Assert.Equal(23, summary.GetProperty("not-applicable").GetInt32());
        Assert.All(requirements, r =>
        {
            Assert.Contains(r.GetProperty("status").GetString(), new[] { "covered", "partial", "gap", "not-applicable" });
            Assert.Equal(JsonValueKind.Array, r.GetProperty("controls").ValueKind);
            Assert.Equal(JsonValueKind.Array, r.GetProperty("evidence").ValueKind);
            Assert.NotEmpty(r.GetProperty("reasons").EnumerateArray());
        });
    }

    [Fact]
    public void Soa_Json_HasEveryAnnexAControlAndTheDemoDrift()
    {
        Run("demo", "--db", Db("a.db"));

        var rows = JsonDocument.Parse(Run("soa", "--format", "json", "--db", Db("a.db")).Out).RootElement.EnumerateArray().ToList();

        var annexA = ReferenceData.Csv("iso27001-2022.csv").Where(r => r["theme"] != "clause").Select(r => r["id"]);
        Assert.Equal(annexA, rows.Select(r => r.GetProperty("control").GetString()));
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Array, r.GetProperty("drift").ValueKind));
        Assert.All(rows.Where(r => !r.GetProperty("applicable").GetBoolean()), r => Assert.NotEmpty(r.GetProperty("justification").GetString()!));
        Assert.Contains(rows, r => r.GetProperty("drift").EnumerateArray().Any(d => d.GetString()!.StartsWith("excluded, but risk", StringComparison.Ordinal)));
        Assert.Contains(rows, r => r.GetProperty("drift").EnumerateArray().Any(d => d.GetString()!.Contains("no implemented control with fresh evidence", StringComparison.Ordinal)));
    }

    [Fact]
    public void Gap_FromIso_ShowsWhatRemainsForSoc2WithClosers()
    {
        Run("demo", "--db", Db("a.db"));

        var root = JsonDocument.Parse(Run("gap", "soc2-2017", "--from", "iso27001-2022", "--format", "json", "--db", Db("a.db")).Out).RootElement;

        // Issue 13's contract: an array of id, status, reasons, closers, missingPointsOfFocus.
        var items = root.EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, r =>
        {
            Assert.Contains(r.GetProperty("status").GetString(), new[] { "partial", "gap" });
            Assert.NotEmpty(r.GetProperty("closers").EnumerateArray());
        });
    }

    [Fact]
    public void Import_BadFile_ExitsTwoNamingFileAndLine_AndLeavesTheDatabaseUnchanged()
    {
        Run("demo", "--db", Db("a.db"));
        var before = Run("controls", "--format", "json", "--db", Db("a.db")).Out;
        var bad = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(bad, "format: trellis-program/1\norganization: x\ncontrols:\n  - id: AC-01\n    title: a\n  - id: AC-01\n    title: b\n");

        var (code, _, err) = Run("import", bad, "--db", Db("a.db"));

        Assert.Equal(2, code);
        Assert.Contains("bad.yaml:", err, StringComparison.Ordinal);
        Assert.Equal(before, Run("controls", "--format", "json", "--db", Db("a.db")).Out);
    }

    [Fact]
    public void Roadmap_WithTheDemoDatabase_TakesProgressFromReadiness()
    {
        var empty = Run("roadmap", "--format", "json", "--db", Db("empty.db")).Out;
        Run("demo", "--db", Db("a.db"));

        var demo = Run("roadmap", "--format", "json", "--db", Db("a.db")).Out;

        Assert.DoesNotContain("\"status\": \"done\"", empty, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"done\"", demo, StringComparison.Ordinal);
    }

    [Fact]
    public void EvidenceAdd_StoresTheFileAndMovesReadiness()
    {
        Run("demo", "--db", Db("a.db"));
        var file = Path.Combine(_dir, "review.txt");
        File.WriteAllText(file, "quarterly access review, signed");

        var (code, output, _) = Run("evidence", "add", "AC-01", file, "--effective", "2026-11-20", "--db", Db("a.db"));
        var (badCode, _, badErr) = Run("evidence", "add", "AC-01", file, "--effective", "2026-02-30", "--db", Db("a.db"));

        Assert.Equal(0, code);
        Assert.Contains("sha256 ", output, StringComparison.Ordinal);
        Assert.Equal(2, badCode);
        Assert.Contains("2026-02-30", badErr, StringComparison.Ordinal);
    }
}
