using System.Text.Json;
using Json.Schema;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary>Issue 6 item 3: <c>trellis oscal export component|ssp|assessment-results</c> on the demo program.</summary>
public sealed class OscalExportCommandTests : IDisposable
{
    private static readonly FixedClock Clock = FixedClock.At(2026, 11, 27, 9);

    private static readonly Lazy<JsonSchema> CompleteSchema = new(() => JsonSchema.FromText(
        File.ReadAllText(ReferenceData.File("oscal", "schemas-1.2.1", "oscal_complete_schema.json")),
        new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private readonly string _dir = Directory.CreateTempSubdirectory("trellis-oscal-export-").FullName;

    private string Db => Path.Combine(_dir, "t.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, Clock);
        return (code, output.ToString(), error.ToString());
    }

    private string Demo()
    {
        var (code, _, error) = Run("demo", "--db", Db);
        Assert.True(code == 0, error);
        return Db;
    }

    private static JsonElement ReadValid(string path)
    {
        var root = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        Assert.True(CompleteSchema.Value.Evaluate(root).IsValid, $"{Path.GetFileName(path)} is not valid against the published OSCAL 1.2.1 schema");
        return root;
    }

    private string EngagementOfKind(string kind)
    {
        var engagements = JsonDocument.Parse(Run("engagements", "--format", "json", "--db", Db).Out).RootElement;
        return engagements.EnumerateArray().First(e => e.GetProperty("kind").GetString() == kind).GetProperty("id").GetString()!;
    }

    [Fact]
    public void ExportComponent_DemoProgram_WritesAValidComponentDefinition()
    {
        var path = Path.Combine(_dir, "component.json");

        var (code, output, error) = Run("oscal", "export", "component", "--out", path, "--db", Demo());

        Assert.True(code == 0, error);
        Assert.Contains("component-definition", output, StringComparison.Ordinal);
        var component = ReadValid(path).GetProperty("component-definition").GetProperty("components")[0];
        Assert.Equal("Northwind Invoicing Platform", component.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("iso27001-2022")]
    [InlineData("soc2-2017")]
    public void ExportSsp_DemoProgram_WritesAValidPlan(string framework)
    {
        var path = Path.Combine(_dir, "ssp.json");

        var (code, _, error) = Run("oscal", "export", "ssp", "--framework", framework, "--out", path, "--db", Demo());

        Assert.True(code == 0, error);
        var plan = ReadValid(path).GetProperty("system-security-plan");
        Assert.NotEqual(0, plan.GetProperty("control-implementation").GetProperty("implemented-requirements").GetArrayLength());
    }

    [Fact]
    public void ExportSsp_TwoRuns_WriteTheSameBytes()
    {
        var db = Demo();
        var first = Path.Combine(_dir, "first.json");
        var second = Path.Combine(_dir, "second.json");

        Run("oscal", "export", "ssp", "--framework", "soc2-2017", "--out", first, "--db", db);
        Run("oscal", "export", "ssp", "--framework", "soc2-2017", "--out", second, "--db", db);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void ExportAssessmentResults_IsoStage2_CarriesTheDemoNonconformity()
    {
        var path = Path.Combine(_dir, "ar.json");
        Demo();

        var (code, _, error) = Run("oscal", "export", "assessment-results", "--engagement", EngagementOfKind("iso-stage2"), "--out", path, "--db", Db);

        Assert.True(code == 0, error);
        var result = ReadValid(path).GetProperty("assessment-results").GetProperty("results")[0];
        var finding = Assert.Single(result.GetProperty("findings").EnumerateArray());
        Assert.Equal("A.8.13", finding.GetProperty("target").GetProperty("target-id").GetString());
        Assert.Equal("not-satisfied", finding.GetProperty("target").GetProperty("status").GetProperty("state").GetString());
    }

    [Fact]
    public void ExportSsp_UnknownFramework_ExitsTwoWithOneLine()
    {
        var (code, output, error) = Run("oscal", "export", "ssp", "--framework", "soc2", "--out", Path.Combine(_dir, "x.json"), "--db", Db);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: unknown framework 'soc2'", line, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "x.json")));
    }

    [Fact]
    public void ExportAssessmentResults_UnknownEngagement_ExitsTwoWithOneLine()
    {
        var (code, _, error) = Run("oscal", "export", "assessment-results", "--engagement", "no-such-audit", "--out", Path.Combine(_dir, "x.json"), "--db", Demo());

        Assert.Equal(2, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: unknown engagement 'no-such-audit'", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportComponent_EmptyDatabase_ExitsTwo()
    {
        var (code, _, error) = Run("oscal", "export", "component", "--out", Path.Combine(_dir, "x.json"), "--db", Db);

        Assert.Equal(2, code);
        Assert.Contains("no control", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("component")]
    [InlineData("ssp")]
    [InlineData("assessment-results")]
    public void ExportCommands_HaveHelp(string kind)
    {
        var (code, output, _) = Run("oscal", "export", kind, "--help");

        Assert.Equal(0, code);
        Assert.Contains("--out", output, StringComparison.Ordinal);
    }
}
