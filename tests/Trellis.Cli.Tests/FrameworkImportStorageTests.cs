using System.Text.Json;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary>An imported OSCAL catalog becomes a framework the other commands see (issue 6, item 2).</summary>
public sealed class FrameworkImportStorageTests : IDisposable
{
    private readonly string _db = Path.Combine(Directory.CreateTempSubdirectory("trellis-import-").FullName, "t.db");

    // Controls of a group or catalog, in document order, walking nested groups (not enhancements).
    private static IEnumerable<string?> ControlIds(JsonElement container)
    {
        foreach (var p in container.EnumerateObject())
        {
            if (p.Name == "controls")
            {
                foreach (var c in p.Value.EnumerateArray())
                {
                    yield return c.GetProperty("id").GetString();
                }
            }
            else if (p.Name == "groups")
            {
                foreach (var id in p.Value.EnumerateArray().SelectMany(ControlIds))
                {
                    yield return id;
                }
            }
        }
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_db)!, recursive: true);

    [Fact]
    public void FrameworkImport_ThenShow_ListsTheCatalogsControlsFromTheDatabase()
    {
        var catalog = ReferenceData.File("oscal", "basic-catalog.json");
        var expected = ControlIds(JsonDocument.Parse(File.ReadAllText(catalog)).RootElement.GetProperty("catalog")).ToList();

        Assert.Equal(0, CliRunner.Run("framework", "import", catalog, "--id", "basic", "--db", _db).Code);
        var (code, output, _) = CliRunner.Run("framework", "show", "basic", "--format", "json", "--db", _db);

        Assert.Equal(0, code);
        var controls = JsonDocument.Parse(output).RootElement.GetProperty("requirements").EnumerateArray()
            .Where(r => r.GetProperty("kind").GetString() == "control").Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(expected, controls);
        Assert.Contains("\"basic\"", CliRunner.Run("frameworks", "--format", "json", "--db", _db).Out, StringComparison.Ordinal);
    }
}
