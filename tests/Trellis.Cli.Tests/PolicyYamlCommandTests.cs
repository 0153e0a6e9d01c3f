using System.Text.Json;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary>
/// Issue 17, items 4 and 8 through the real CLI and SQLite: the demo's policies travel through program.yaml; a file
/// without the <c>policies</c> section keeps the stored ones, <c>policies: []</c> removes them; <c>policies add</c> and
/// <c>policies edit</c> write a policy from scratch and change its details.
/// </summary>
public sealed class PolicyYamlCommandTests : IDisposable
{
    private static readonly FixedClock Clock = FixedClock.On(2026, 12, 3);
    private readonly string _dir = Directory.CreateTempSubdirectory("trellis-policy-yaml-").FullName;

    private string Db(string name) => Path.Combine(_dir, name);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, Clock);
        return (code, output.ToString(), error.ToString());
    }

    private string Policies(string db) => Run("policies", "--format", "json", "--db", Db(db)).Out;

    [Fact]
    public void Demo_ExportImport_CarriesEveryPolicyWithApprovalsAndAcknowledgements()
    {
        Assert.Equal(0, Run("demo", "--db", Db("a.db")).Code);
        Assert.Equal(0, Run("export", "--out", Path.Combine(_dir, "x1"), "--db", Db("a.db")).Code);
        Assert.Contains("\npolicies:\n  - id: information-security\n", File.ReadAllText(Path.Combine(_dir, "x1", "program.yaml")), StringComparison.Ordinal);

        var imported = Run("import", Path.Combine(_dir, "x1", "program.yaml"), "--db", Db("b.db"));

        Assert.True(imported.Code == 0, imported.Err);
        Assert.Equal(8, JsonDocument.Parse(Policies("b.db")).RootElement.GetArrayLength());
        Assert.Equal(Policies("a.db"), Policies("b.db"));
        Assert.Equal(
            Run("policies", "show", "access-control", "--format", "json", "--db", Db("a.db")).Out,
            Run("policies", "show", "access-control", "--format", "json", "--db", Db("b.db")).Out);
    }

    [Fact]
    public void Import_WithoutTheSection_KeepsThePolicies_AndAnEmptySectionRemovesThem()
    {
        Assert.Equal(0, Run("demo", "--db", Db("a.db")).Code);
        Assert.Equal(0, Run("export", "--out", Path.Combine(_dir, "x1"), "--db", Db("a.db")).Code);
        var path = Path.Combine(_dir, "x1", "program.yaml");
        var yaml = File.ReadAllText(path);
        var withoutSection = yaml[..(yaml.IndexOf("\npolicies:\n", StringComparison.Ordinal) + 1)];

        File.WriteAllText(path, withoutSection);
        var kept = Run("import", path, "--replace", "--db", Db("a.db"));
        Assert.True(kept.Code == 0, kept.Err);
        Assert.Equal(8, JsonDocument.Parse(Policies("a.db")).RootElement.GetArrayLength());

        File.WriteAllText(path, withoutSection + "policies: []\n");
        var emptied = Run("import", path, "--replace", "--db", Db("a.db"));
        Assert.True(emptied.Code == 0, emptied.Err);
        Assert.Equal(0, JsonDocument.Parse(Policies("a.db")).RootElement.GetArrayLength());
    }

    [Fact]
    public void Import_PolicyApprovedByANonApprover_FailsWithItsLine_AndChangesNothing()
    {
        Assert.Equal(0, Run("demo", "--db", Db("a.db")).Code);
        Assert.Equal(0, Run("export", "--out", Path.Combine(_dir, "x1"), "--db", Db("a.db")).Code);
        var path = Path.Combine(_dir, "x1", "program.yaml");
        var lines = File.ReadAllLines(path);
        var at = Array.FindIndex(lines, l => l.StartsWith("          - by: ", StringComparison.Ordinal));
        lines[at] = "          - by: mallory@example.com";
        File.WriteAllLines(path, lines);
        var before = Policies("a.db");

        var (code, _, err) = Run("import", path, "--replace", "--db", Db("a.db"));

        Assert.Equal(2, code);
        Assert.Contains("'mallory@example.com' approved but is not a named approver", err, StringComparison.Ordinal);
        Assert.Contains("program.yaml:", err, StringComparison.Ordinal);
        Assert.Equal(before, Policies("a.db"));
    }

    [Fact]
    public void AddThenEdit_WritesThePolicy_AndBadInputNamesTheProblem()
    {
        Assert.Equal(0, Run("demo", "--db", Db("a.db")).Code);
        var text = Path.Combine(_dir, "clean-desk.md");
        File.WriteAllText(text, "# Clean desk\n\nLock your screen.\n");

        var added = Run("policies", "add", "POL-950", "--title", "Clean desk policy", "--file", text, "--owner", "lead@northwind.example",
            "--requirement", "iso27001-2022:A.7.7", "--approver", "ceo@northwind.example", "--db", Db("a.db"));
        var edited = Run("policies", "edit", "POL-950", "--title", "Clear desk policy", "--review-cadence", "quarterly", "--db", Db("a.db"));
        var bad = Run("policies", "edit", "POL-950", "--requirement", "iso27001-2022:A.99.9", "--db", Db("a.db"));

        Assert.True(added.Code == 0, added.Err);
        Assert.True(edited.Code == 0, edited.Err);
        Assert.Equal(2, bad.Code);
        Assert.Contains("iso27001-2022:A.99.9", bad.Err, StringComparison.Ordinal);
        var shown = JsonDocument.Parse(Run("policies", "show", "POL-950", "--format", "json", "--db", Db("a.db")).Out).RootElement;
        Assert.Equal("Clear desk policy", shown.GetProperty("policy").GetProperty("title").GetString());
        Assert.Equal("quarterly", shown.GetProperty("policy").GetProperty("reviewCadence").GetString());
        Assert.Equal("ceo@northwind.example", shown.GetProperty("versions")[0].GetProperty("approvers")[0].GetString());
    }
}
