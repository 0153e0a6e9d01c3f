using System.Text.Json;
using Json.Schema;
using Trellis.Testing;

namespace Trellis.Exchange.Tests;

/// <summary>
/// The NIST OSCAL 1.2.1 schemas as shipped in tests/reference/oscal (not the copies embedded in Trellis.Exchange), used
/// whole, so a document is judged by the published schema and not by Trellis's own validator.
/// </summary>
internal static class PublishedSchemas
{
    private static readonly Lazy<JsonSchema> Complete = new(() => Load("oscal_complete_schema.json"));
    private static readonly Lazy<JsonSchema> Mapping = new(() => Load("oscal_mapping_schema.json"));

    public static string OscalFolder => ReferenceData.File("oscal");

    /// <summary>Valid against oscal_complete_schema.json (any model).</summary>
    public static bool IsValidOscal(string json) => Complete.Value.Evaluate(JsonDocument.Parse(json).RootElement).IsValid;

    /// <summary>Valid against oscal_mapping_schema.json.</summary>
    public static bool IsValidMapping(string json) => Mapping.Value.Evaluate(JsonDocument.Parse(json).RootElement).IsValid;

    private static JsonSchema Load(string file) =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(OscalFolder, "schemas-1.2.1", file)), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
}

/// <summary>The hand-written OSCAL files of this test project.</summary>
internal static class TestData
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Oscal", "TestData");

    public static string File(string name) => Path.Combine(Folder, name);

    /// <summary>A fresh folder with copies of the test files, for tests that add or remove files.</summary>
    public static string CopyToTemp()
    {
        var dir = Directory.CreateTempSubdirectory("trellis-oscal-").FullName;
        foreach (var f in Directory.GetFiles(Folder))
        {
            System.IO.File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        }

        return dir;
    }
}
