using System.Text.Json;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary>
/// <c>trellis mapping import</c> (issue 12, item 4): an OSCAL mapping collection becomes crosswalk links that coverage
/// and readiness use, re-importing changes nothing, bad input changes nothing, and the shipped crosswalk is never
/// overridden.
/// </summary>
public sealed class MappingImportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trellis-mapping-").FullName;

    private string Db => Path.Combine(_folder, "t.db");

    private static string TestData(string name) => Path.Combine(ReferenceData.RepoRoot, "tests", "Trellis.Exchange.Tests", "Oscal", "TestData", name);

    private static readonly string NistMapping = TestData("sp800-53-to-iso27001-2022_mapping.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The low baseline from the 800-53-style test catalog, as <c>sp800-53-low</c>.</summary>
    private void ImportBaseline()
    {
        var (code, _, error) = CliRunner.Run(
            "framework", "import", TestData("sp800-53-style_catalog.json"), "--profile", TestData("asis_profile.json"), "--id", "sp800-53-low", "--db", Db);
        Assert.True(code == 0, error);
    }

    private JsonElement Json(params string[] args)
    {
        var (code, output, error) = CliRunner.Run([.. args, "--format", "json", "--db", Db]);
        Assert.True(code == 0, $"{string.Join(' ', args)}: {error}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    // The maps of the fixture as (source, target, relationship), read from the file itself.
    private static List<(string Source, string Target, string Relationship)> MapsOf(string file) =>
    [
        .. JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("mapping-collection").GetProperty("mappings")
            .EnumerateArray().SelectMany(m => m.GetProperty("maps").EnumerateArray())
            .Select(m => (
                m.GetProperty("sources")[0].GetProperty("id-ref").GetString()!,
                m.GetProperty("targets")[0].GetProperty("id-ref").GetString()!,
                m.GetProperty("relationship").GetString()!)),
    ];

    private List<(string Source, string Target, string Relationship)> Crosswalk(string from, string to) =>
    [
        .. Json("crosswalk", from, to).EnumerateArray()
            .Select(l => (l.GetProperty("source").GetString()!, l.GetProperty("target").GetString()!, l.GetProperty("relationship").GetString()!)),
    ];

    [Fact]
    public void ImportedBaselineAndMapping_GiveReadinessFromTheDemoProgram()
    {
        Assert.Equal(0, CliRunner.Run("demo", "--db", Db).Code);
        ImportBaseline();
        var baseline = Json("framework", "show", "sp800-53-low").GetProperty("requirements").EnumerateArray()
            .Select(r => r.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);

        var summary = Json("mapping", "import", NistMapping, "--source", "sp800-53-low", "--skip-missing");

        // Every map whose source is in the baseline became a link; the others (pm-1) are listed as ignored.
        var maps = MapsOf(NistMapping);
        var inBaseline = maps.Where(m => baseline.Contains(m.Source)).ToList();
        Assert.Equal("sp800-53-low", summary.GetProperty("source").GetString());
        Assert.Equal("iso27001-2022", summary.GetProperty("target").GetString());
        Assert.Equal(inBaseline.Count, summary.GetProperty("links").GetInt32());
        Assert.Equal(maps.Count - inBaseline.Count, summary.GetProperty("ignored").GetArrayLength());
        Assert.All(summary.GetProperty("ignored").EnumerateArray(), i => Assert.Contains("pm-1", i.GetProperty("reason").GetString(), StringComparison.Ordinal));
        Assert.Equal(inBaseline.OrderBy(m => m), Crosswalk("sp800-53-low", "iso27001-2022").OrderBy(m => m));

        // Readiness credits ac-3 to exactly the demo controls that meet A.8.3 (mapped equal or superset-of), which the
        // file says equals ac-3; read from the program, not from the readiness code.
        var meetA83 = Json("controls").EnumerateArray()
            .Where(c => c.GetProperty("mappings").EnumerateArray().Any(m =>
                m.GetProperty("framework").GetString() == "iso27001-2022" && m.GetProperty("requirement").GetString() == "A.8.3"
                && m.GetProperty("relationship").GetString() is "equal" or "superset-of"))
            .Select(c => c.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(meetA83);
        var readiness = Json("readiness", "sp800-53-low");
        Assert.Equal(baseline.Count, readiness.GetProperty("requirements").GetArrayLength());
        var ac3 = readiness.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "ac-3");
        var fullThroughA83 = ac3.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)
            .Where(r => r.Contains("; equal ac-3 via iso27001-2022:A.8.3", StringComparison.Ordinal) || r.Contains("; superset-of ac-3 via iso27001-2022:A.8.3", StringComparison.Ordinal))
            .Select(r => r[..r.IndexOf(' ', StringComparison.Ordinal)]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(meetA83, fullThroughA83);
        Assert.Subset(ac3.GetProperty("controls").EnumerateArray().Select(c => c.GetString()!).ToHashSet(), meetA83.ToHashSet());

        // The mapping is one audited write by the CLI operator.
        var entry = Json("audit-log", "list").EnumerateArray().Last();
        Assert.Equal("mapping.import", entry.GetProperty("action").GetString());
        Assert.Equal("mapping/sp800-53-low_to_iso27001-2022", entry.GetProperty("target").GetString());
        Assert.StartsWith("cli:", entry.GetProperty("actor").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reimport_ChangesNothing_AndAnEditedFileUpdatesOnlyItsChangedLink()
    {
        ImportBaseline();
        var first = Json("mapping", "import", NistMapping, "--source", "sp800-53-low", "--skip-missing");
        var entries = Json("audit-log", "list").GetArrayLength();

        var again = Json("mapping", "import", NistMapping, "--source", "sp800-53-low", "--skip-missing");
        Assert.Equal(0, again.GetProperty("links").GetInt32());
        Assert.Equal(0, again.GetProperty("updated").GetInt32());
        Assert.Equal(first.GetProperty("links").GetInt32(), again.GetProperty("unchanged").GetInt32());
        Assert.Equal(first.GetProperty("revision").GetInt32(), again.GetProperty("revision").GetInt32());
        Assert.Equal(entries, Json("audit-log", "list").GetArrayLength());

        // The same file with one relationship changed: that link is updated, the rest unchanged.
        var edited = Path.Combine(_folder, "edited.json");
        File.WriteAllText(edited, File.ReadAllText(NistMapping).Replace("\"equal\"", "\"subset-of\"", StringComparison.Ordinal));
        var update = Json("mapping", "import", edited, "--source", "sp800-53-low", "--skip-missing");
        Assert.Equal(0, update.GetProperty("links").GetInt32());
        Assert.Equal(1, update.GetProperty("updated").GetInt32());
        Assert.Equal(first.GetProperty("links").GetInt32() - 1, update.GetProperty("unchanged").GetInt32());
        Assert.Equal(first.GetProperty("revision").GetInt32() + 1, update.GetProperty("revision").GetInt32());
        Assert.Contains(("ac-3", "A.8.3", "subset-of"), Crosswalk("sp800-53-low", "iso27001-2022"));
    }

    [Fact]
    public void UnknownControl_IsRefusedWithItsJsonPath_AndNothingIsStored()
    {
        ImportBaseline();
        var entries = Json("audit-log", "list").GetArrayLength();

        var (code, _, error) = CliRunner.Run("mapping", "import", NistMapping, "--source", "sp800-53-low", "--db", Db);

        Assert.Equal(2, code);
        var pm1 = MapsOf(NistMapping).FindIndex(m => m.Source == "pm-1");
        Assert.Contains($"$.mapping-collection.mappings[0].maps[{pm1}].sources[0].id-ref", error, StringComparison.Ordinal);
        Assert.Contains("'pm-1' is not a requirement of sp800-53-low", error, StringComparison.Ordinal);
        Assert.Empty(Crosswalk("sp800-53-low", "iso27001-2022"));
        Assert.Equal(entries, Json("audit-log", "list").GetArrayLength());
    }

    [Fact]
    public void HostileInput_IsRefusedWithTheProblem()
    {
        var duplicate = Path.Combine(_folder, "duplicate.json");
        File.WriteAllText(duplicate, """{"mapping-collection": {"uuid": "a", "uuid": "b"}}""");

        var (code, _, error) = CliRunner.Run("mapping", "import", duplicate, "--db", Db);

        Assert.Equal(2, code);
        Assert.Contains("duplicate", error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("uuid", error, StringComparison.Ordinal);
        Assert.Equal(0, Json("mapping", "list").GetArrayLength());
    }

    [Fact]
    public void PairsTheShippedCrosswalkLinks_KeepTheShippedLink()
    {
        // Trellis's own ISO → SOC 2 export, re-imported with one relationship changed: every pair is reviewed content.
        var exported = Path.Combine(_folder, "iso-soc2.json");
        Assert.Equal(0, CliRunner.Run("oscal", "export", "mapping", "--from", "iso27001-2022", "--to", "soc2-2017", "--out", exported).Code);
        var before = Crosswalk("iso27001-2022", "soc2-2017");

        var summary = Json("mapping", "import", exported);

        Assert.Equal(0, summary.GetProperty("links").GetInt32());
        Assert.Equal(before.Count, summary.GetProperty("ignored").EnumerateArray().Count(i => i.GetProperty("reason").GetString()!.Contains("shipped crosswalk", StringComparison.Ordinal)));
        Assert.Equal(before, Crosswalk("iso27001-2022", "soc2-2017"));
    }

    [Fact]
    public void ExportOfAnImportedMapping_ImportsIntoAnotherDatabaseAsTheSameLinks()
    {
        ImportBaseline();
        Json("mapping", "import", NistMapping, "--source", "sp800-53-low", "--skip-missing");
        var exported = Path.Combine(_folder, "roundtrip.json");
        Assert.Equal(0, CliRunner.Run("oscal", "export", "mapping", "--from", "sp800-53-low", "--to", "iso27001-2022", "--out", exported, "--db", Db).Code);
        var links = Crosswalk("sp800-53-low", "iso27001-2022");

        var other = Path.Combine(_folder, "other.db");
        Assert.Equal(0, CliRunner.Run(
            "framework", "import", TestData("sp800-53-style_catalog.json"), "--profile", TestData("asis_profile.json"), "--id", "sp800-53-low", "--db", other).Code);
        var (code, output, error) = CliRunner.Run("mapping", "import", exported, "--format", "json", "--db", other);

        Assert.True(code == 0, error);
        Assert.Equal(links.Count, JsonDocument.Parse(output).RootElement.GetProperty("links").GetInt32());
        var (_, copied, _) = CliRunner.Run("crosswalk", "sp800-53-low", "iso27001-2022", "--format", "json", "--db", other);
        Assert.Equal(
            links,
            JsonDocument.Parse(copied).RootElement.EnumerateArray()
                .Select(l => (l.GetProperty("source").GetString()!, l.GetProperty("target").GetString()!, l.GetProperty("relationship").GetString()!)).ToList());
    }

    [Fact]
    public void ProgramYaml_CanMapToAnImportedFramework_OnlyOnceItIsImported()
    {
        Assert.Equal(0, CliRunner.Run("demo", "--db", Db).Code);
        var folder = Path.Combine(_folder, "export");
        Assert.Equal(0, CliRunner.Run("export", "--out", folder, "--db", Db).Code);
        var yaml = Path.Combine(folder, "program.yaml");
        var text = File.ReadAllText(yaml);
        var first = text.IndexOf("    mappings:\n", StringComparison.Ordinal);
        Assert.True(first > 0, "the export lists mappings");
        File.WriteAllText(yaml, text.Insert(first + "    mappings:\n".Length, "      - requirement: sp800-53-low:au-2\n        relationship: equal\n"));

        var (refused, _, error) = CliRunner.Run("import", yaml, "--db", Db);
        Assert.Equal(2, refused);
        Assert.Contains("unknown framework 'sp800-53-low'", error, StringComparison.Ordinal);

        ImportBaseline();
        var (code, _, err) = CliRunner.Run("import", yaml, "--db", Db, "--replace");
        Assert.True(code == 0, err);
        var au2 = Json("readiness", "sp800-53-low").GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "au-2");
        var mapped = Json("controls").EnumerateArray().First(c => c.GetProperty("mappings").EnumerateArray()
            .Any(m => m.GetProperty("framework").GetString() == "sp800-53-low")).GetProperty("id").GetString();
        Assert.Equal([mapped], au2.GetProperty("controls").EnumerateArray().Select(c => c.GetString()).ToList());
    }
}
