using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Api;

/// <summary>
/// The OpenAPI document is a contract: any change to it shows up here as a diff against the committed
/// snapshot (tests/Trellis.Web.Tests/Snapshots/openapi.v1.json). To accept a deliberate change, run the tests
/// with TRELLIS_UPDATE_SNAPSHOTS=1 and commit the new file.
/// </summary>
public sealed class OpenApiSnapshotTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task OpenApiDocument_ComparedWithCommittedSnapshot_IsUnchanged()
    {
        var json = await app.Clients[Roles.Viewer].GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var actual = JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
        var path = Path.Combine(RepoRoot(), "tests", "Trellis.Web.Tests", "Snapshots", "openapi.v1.json");
        if (Environment.GetEnvironmentVariable("TRELLIS_UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(path, actual);
        }

        Assert.True(File.Exists(path), $"no snapshot at {path}; run with TRELLIS_UPDATE_SNAPSHOTS=1 and commit it");
        var expected = (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            await File.WriteAllTextAsync(path + ".received", actual);
            Assert.Fail($"The OpenAPI document changed (new version written to {path}.received):\n{Diff(expected, actual)}");
        }
    }

    [Fact]
    public async Task OpenApiDocument_EveryApiOperation_IsDocumentedWithItsBearerScheme()
    {
        var doc = JsonNode.Parse(await app.Clients[Roles.Viewer].GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        Assert.Equal("3.1.1", doc["openapi"]!.GetValue<string>());
        Assert.NotNull(doc["components"]!["securitySchemes"]!["bearer"]);
        Assert.NotNull(doc["paths"]!["/api/v1/frameworks"]);
    }

    private static string RepoRoot() =>
        typeof(OpenApiSnapshotTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>The changed lines, with line numbers (a short unified-style listing, at most 60 lines).</summary>
    internal static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lines = new List<string>();
        var (i, j) = (0, 0);
        while ((i < a.Length || j < b.Length) && lines.Count < 60)
        {
            if (i < a.Length && j < b.Length && a[i] == b[j])
            {
                i++;
                j++;
                continue;
            }

            // Resynchronize on the next line that appears in both, looking a little ahead.
            var (skipA, skipB) = Resync(a, b, i, j);
            for (var k = 0; k < skipA && lines.Count < 60; k++)
            {
                lines.Add($"-{i + k + 1}: {a[i + k]}");
            }

            for (var k = 0; k < skipB && lines.Count < 60; k++)
            {
                lines.Add($"+{j + k + 1}: {b[j + k]}");
            }

            (i, j) = (i + skipA, j + skipB);
        }

        return string.Join("\n", lines);
    }

    private static (int, int) Resync(string[] a, string[] b, int i, int j)
    {
        for (var d = 1; d < 200; d++)
        {
            for (var x = 0; x <= d; x++)
            {
                var (ii, jj) = (i + x, j + d - x);
                if (ii < a.Length && jj < b.Length && a[ii] == b[jj])
                {
                    return (x, d - x);
                }
            }
        }

        return (a.Length - i, b.Length - j);
    }
}
