using System.Text.Json;
using Json.Schema;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary>The CLI contract of issue 6 for OSCAL: commands, outputs and exit codes.</summary>
public class OscalCommandTests
{
    private static readonly Lazy<JsonSchema> MappingSchema = new(() => JsonSchema.FromText(
        File.ReadAllText(ReferenceData.File("oscal", "schemas-1.2.1", "oscal_mapping_schema.json")),
        new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private static string BasicCatalog => ReferenceData.File("oscal", "basic-catalog.json");

    private static string TestData(string name) => Path.Combine(ReferenceData.RepoRoot, "tests", "Trellis.Exchange.Tests", "Oscal", "TestData", name);

    private static string TempFile(string name) => Path.Combine(Directory.CreateTempSubdirectory("trellis-cli-").FullName, name);

    [Fact]
    public void FrameworkImport_BasicCatalog_PrintsTheCounts()
    {
        var (code, output, _) = CliRunner.Run("framework", "import", BasicCatalog, "--format", "json");

        Assert.Equal(0, code);
        var summary = JsonDocument.Parse(output).RootElement;
        Assert.Equal("sample-security-catalog-for-demonstration-and-testing", summary.GetProperty("id").GetString());
        Assert.Equal(4, summary.GetProperty("controls").GetInt32());
        Assert.Equal(0, summary.GetProperty("enhancements").GetInt32());
        Assert.Equal(0, summary.GetProperty("withdrawn").GetInt32());
    }

    [Fact]
    public void FrameworkImport_WithProfileAndId_ImportsTheBaseline()
    {
        var (code, output, error) = CliRunner.Run(
            "framework", "import", TestData("sp800-53-style_catalog.json"), "--profile", TestData("asis_profile.json"), "--id", "test-low", "--format", "json");

        Assert.Equal(0, code);
        var summary = JsonDocument.Parse(output).RootElement;
        Assert.Equal("test-low", summary.GetProperty("id").GetString());
        Assert.Equal(5, summary.GetProperty("controls").GetInt32());
        Assert.Equal(3, summary.GetProperty("enhancements").GetInt32());
        Assert.Contains("warning: asis_profile.json:$.profile.modify.alters[3]", error, StringComparison.Ordinal);
    }

    [Fact]
    public void FrameworkImport_DuplicateKey_ExitsTwoNamingFileAndPath()
    {
        var path = TempFile("dup.json");
        File.WriteAllText(path, File.ReadAllText(BasicCatalog).Replace("\"version\": \"1.1\",", "\"version\": \"1.1\", \"version\": \"2\",", StringComparison.Ordinal));

        var (code, output, error) = CliRunner.Run("framework", "import", path);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: dup.json:$.catalog.metadata.version: duplicate property", line, StringComparison.Ordinal);
    }

    [Fact]
    public void FrameworkImport_SchemaViolation_ExitsTwoNamingThePath()
    {
        var path = TempFile("bad.json");
        File.WriteAllText(path, File.ReadAllText(BasicCatalog).Replace("\"title\": \"Segregation of duties\"", "\"title\": 12", StringComparison.Ordinal));

        var (code, _, error) = CliRunner.Run("framework", "import", path);

        Assert.Equal(2, code);
        Assert.StartsWith("error: bad.json:$.catalog.groups[0].groups[0].controls[1].title: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void FrameworkImport_ProfileAsCatalog_ExitsTwoPointingAtTheProfileOption()
    {
        var (code, _, error) = CliRunner.Run("framework", "import", TestData("asis_profile.json"));

        Assert.Equal(2, code);
        Assert.Contains("--profile", error, StringComparison.Ordinal);
    }

    [Fact]
    public void FrameworkImport_ShippedId_ExitsTwo()
    {
        var (code, _, error) = CliRunner.Run("framework", "import", BasicCatalog, "--id", "soc2-2017");

        Assert.Equal(2, code);
        Assert.Contains("soc2-2017", error, StringComparison.Ordinal);
    }

    [Fact]
    public void OscalResolve_Profile_WritesACatalog()
    {
        var output = TempFile("resolved.json");

        var (code, stdout, _) = CliRunner.Run("oscal", "resolve", TestData("flat_profile.json"), "--out", output);

        Assert.Equal(0, code);
        Assert.Contains("6 controls", stdout, StringComparison.Ordinal);
        var catalog = JsonDocument.Parse(File.ReadAllText(output)).RootElement.GetProperty("catalog");
        Assert.Equal(["ac-1", "ac-3", "au-1", "au-2"], catalog.GetProperty("controls").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }

    [Fact]
    public void OscalResolve_MissingProfile_ExitsTwo()
    {
        var (code, _, error) = CliRunner.Run("oscal", "resolve", "/nonexistent/profile.json", "--out", TempFile("x.json"));

        Assert.Equal(2, code);
        Assert.Contains("profile.json: file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void OscalExportMapping_IsoToSoc2_IsValidAgainstThePublishedSchema()
    {
        var output = TempFile("mapping.json");

        var (code, _, _) = CliRunner.Run("oscal", "export", "mapping", "--from", "iso27001-2022", "--to", "soc2-2017", "--out", output);

        Assert.Equal(0, code);
        var json = File.ReadAllText(output);
        Assert.True(MappingSchema.Value.Evaluate(JsonDocument.Parse(json).RootElement).IsValid);
        var maps = JsonDocument.Parse(json).RootElement.GetProperty("mapping-collection").GetProperty("mappings")[0].GetProperty("maps");
        Assert.Contains(maps.EnumerateArray(), m =>
            m.GetProperty("sources")[0].GetProperty("id-ref").GetString() == "A.8.7"
            && m.GetProperty("targets")[0].GetProperty("id-ref").GetString() == "CC6.8");
    }

    [Fact]
    public void OscalExportMapping_Inferred_IsValidAgainstThePublishedSchema()
    {
        var output = TempFile("mapping.json");

        var (code, _, _) = CliRunner.Run("oscal", "export", "mapping", "--from", "iso27001-2013", "--to", "soc2-2017", "--inferred", "--out", output);

        Assert.Equal(0, code);
        Assert.True(MappingSchema.Value.Evaluate(JsonDocument.Parse(File.ReadAllText(output)).RootElement).IsValid);
    }

    [Fact]
    public void OscalExportMapping_UnknownFramework_ExitsTwo()
    {
        var (code, _, error) = CliRunner.Run("oscal", "export", "mapping", "--from", "iso27001-2022", "--to", "soc2", "--out", TempFile("x.json"));

        Assert.Equal(2, code);
        Assert.Contains("unknown framework 'soc2'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("oscal")]
    [InlineData("oscal", "resolve")]
    [InlineData("oscal", "export", "mapping")]
    [InlineData("framework", "import")]
    public void OscalCommands_HaveHelp(params string[] command)
    {
        var (code, output, _) = CliRunner.Run([.. command, "--help"]);

        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }
}
