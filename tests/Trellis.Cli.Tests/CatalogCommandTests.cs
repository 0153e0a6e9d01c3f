using System.Text.Json;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary>The CLI contract of issue 2: names, options, formats and exit codes that acceptance checks call.</summary>
public class CatalogCommandTests
{
    [Fact]
    public void Frameworks_Json_ListsEachFrameworkWithItsRequirementCount()
    {
        var (code, output, _) = CliRunner.Run("frameworks", "--format", "json");

        Assert.Equal(0, code);
        var items = JsonDocument.Parse(output).RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);
        Assert.Equal(123, items["iso27001-2022"].GetProperty("requirementCount").GetInt32());
        Assert.Equal(114, items["iso27001-2013"].GetProperty("requirementCount").GetInt32());
        Assert.Equal(61, items["soc2-2017"].GetProperty("requirementCount").GetInt32());
        Assert.Equal(134, items["nist-csf-2.0"].GetProperty("requirementCount").GetInt32());
        Assert.All(items.Values, e =>
        {
            Assert.False(string.IsNullOrEmpty(e.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrEmpty(e.GetProperty("version").GetString()));
        });
    }

    [Fact]
    public void FrameworkShow_Json_HasRequirementsWithKindParentAndTheme()
    {
        var (code, output, _) = CliRunner.Run("framework", "show", "iso27001-2022", "--format", "json");

        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("iso27001-2022", root.GetProperty("id").GetString());
        var reqs = root.GetProperty("requirements").EnumerateArray().ToList();
        var expected = ReferenceData.Csv("iso27001-2022.csv");
        Assert.Equal(expected.Select(r => r["id"]), reqs.Select(r => r.GetProperty("id").GetString()));
        var a515 = reqs.Single(r => r.GetProperty("id").GetString() == "A.5.15");
        Assert.Equal("Access control", a515.GetProperty("title").GetString());
        Assert.Equal("control", a515.GetProperty("kind").GetString());
        Assert.Equal("organizational", a515.GetProperty("theme").GetString());
        Assert.Equal(JsonValueKind.Null, a515.GetProperty("parent").ValueKind);
    }

    [Fact]
    public void FrameworkShow_NistJson_HasTheTreeAndSoc2HasCategories()
    {
        var nist = JsonDocument.Parse(CliRunner.Run("framework", "show", "nist-csf-2.0", "--format", "json").Out).RootElement
            .GetProperty("requirements").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        var soc2 = JsonDocument.Parse(CliRunner.Run("framework", "show", "soc2-2017", "--format", "json").Out).RootElement
            .GetProperty("requirements").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);

        Assert.Equal("function", nist["GV"].GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, nist["GV"].GetProperty("parent").ValueKind);
        Assert.Equal("GV", nist["GV.OC"].GetProperty("parent").GetString());
        Assert.Equal("GV.OC", nist["GV.OC-01"].GetProperty("parent").GetString());
        Assert.Equal("subcategory", nist["GV.OC-01"].GetProperty("kind").GetString());
        Assert.Equal("processing-integrity", soc2["PI1.3"].GetProperty("category").GetString());
        Assert.Equal("criterion", soc2["CC6.1"].GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("framework", "show", "iso27001-2021")]
    [InlineData("crosswalk", "soc2", "iso27001-2022")]
    [InlineData("coverage", "soc2-2017", "--implemented", "iso27001-2022:A.5.99")]
    [InlineData("coverage", "soc2-2071", "--implemented", "iso27001-2022")]
    public void UnknownId_ExitsTwoWithOneLineNamingItAndNearestIds(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
        Assert.Matches("unknown (framework|requirement) '", line);
    }

    [Theory]
    [InlineData("iso27001-2022:", "no requirement")]
    [InlineData(":A.5.15", "no framework")]
    public void Coverage_ImplementedSpecWithAnEmptyPart_ExitsTwoWithOneLineSayingWhatIsMissing(string spec, string missing)
    {
        var (code, output, error) = CliRunner.Run("coverage", "soc2-2017", "--implemented", spec);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(missing, line, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownRequirement_SuggestsNearestValidIds()
    {
        var (_, _, error) = CliRunner.Run("coverage", "soc2-2017", "--implemented", "iso27001-2022:A.5.155");

        Assert.Contains("A.5.15", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frameworks")]
    [InlineData("framework", "show")]
    [InlineData("crosswalk")]
    [InlineData("coverage")]
    [InlineData("guide-table")]
    public void EveryCommand_HasHelp(params string[] command)
    {
        var (code, output, _) = CliRunner.Run([.. command, "--help"]);

        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Crosswalk_Csv_HasTheContractHeaderAndAnnexBRows()
    {
        var (code, output, _) = CliRunner.Run("crosswalk", "iso27001-2013", "iso27001-2022", "--format", "csv");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("source,target,relationship,rationale,strength,origin,path", lines[0]);
        Assert.Equal(115, lines.Length - 1);
        Assert.Contains("A.6.1.2,A.5.3,equal,semantic,10,curated,", lines);
    }

    [Fact]
    public void Crosswalk_Reverse_ShowsInvertedLinks()
    {
        var lines = CliRunner.Run("crosswalk", "iso27001-2022", "iso27001-2013", "--format", "csv").Out.Split('\n');

        Assert.Contains(lines, l => l.StartsWith("A.5.1,A.5.1.1,superset-of,semantic,", StringComparison.Ordinal) && l.Contains(",inverted,", StringComparison.Ordinal));
    }

    [Fact]
    public void Crosswalk_Inferred_AddsLinksThroughAPivotWithTheirPath()
    {
        var lines = CliRunner.Run("crosswalk", "iso27001-2013", "soc2-2017", "--inferred", "--format", "csv").Out
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();

        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal("inferred", l[5]));
        Assert.All(lines, l => Assert.Contains("iso27001-2022:", l[6], StringComparison.Ordinal));
        Assert.Contains(lines, l => l[0] == "A.12.2.1" && l[1] == "CC6.8");
    }

    [Fact]
    public void Coverage_Json_IsOneEntryPerCriterionWithSources()
    {
        var (code, output, _) = CliRunner.Run("coverage", "soc2-2017", "--implemented", "iso27001-2022:A.8.7", "--format", "json");

        Assert.Equal(0, code);
        var items = JsonDocument.Parse(output).RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);
        Assert.Equal(61, items.Count);
        Assert.NotEqual("none", items["CC6.8"].GetProperty("coverage").GetString());
        Assert.Contains(items["CC6.8"].GetProperty("sources").EnumerateArray(), s => s.GetProperty("source").GetString() == "A.8.7");
        Assert.Equal("none", items["P3.1"].GetProperty("coverage").GetString());
        Assert.All(items.Values, e => Assert.Contains(e.GetProperty("coverage").GetString(), new[] { "full", "partial", "none" }));
    }

    [Fact]
    public void GuideTable_Json_HasFourteenSectionsWithVerdicts()
    {
        var rows = JsonDocument.Parse(CliRunner.Run("guide-table", "--format", "json").Out).RootElement.EnumerateArray().ToList();

        Assert.Equal(14, rows.Count);
        var a13 = rows.Single(r => r.GetProperty("section").GetString() == "A.13");
        Assert.Contains(a13.GetProperty("claims").EnumerateArray(), c => c.GetProperty("criterion").GetString() == "CC6.9" && c.GetProperty("verdict").GetString() == "nonexistent");
    }

    [Fact]
    public void BadFormat_IsAUsageError()
    {
        var (code, _, error) = CliRunner.Run("frameworks", "--format", "xml");

        Assert.NotEqual(0, code);
        Assert.Contains("xml", error, StringComparison.Ordinal);
    }
}
