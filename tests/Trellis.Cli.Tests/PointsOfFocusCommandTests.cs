using System.Text.Json;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary>Issue 13's contract for points of focus, on the demo program, checked against the reference list.</summary>
public sealed class PointsOfFocusCommandTests : IDisposable
{
    private static readonly List<IReadOnlyDictionary<string, string>> Reference = [.. ReferenceData.Csv("soc2-tsc-2017-points-of-focus.csv")];
    private readonly string _folder = Directory.CreateTempSubdirectory("trellis-pof-").FullName;

    private string Db => Path.Combine(_folder, "t.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private JsonElement Json(params string[] args)
    {
        var (code, output, error) = CliRunner.Run([.. args, "--format", "json", "--db", Db]);
        Assert.True(code == 0, $"{string.Join(' ', args)}: {error}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    [Fact]
    public void FrameworkShow_ListsEveryPointOfFocusUnderItsCriterion()
    {
        var points = Json("framework", "show", "soc2-2017").GetProperty("requirements").EnumerateArray()
            .Where(r => r.GetProperty("kind").GetString() == "point-of-focus")
            .Select(r => (r.GetProperty("id").GetString()!, r.GetProperty("title").GetString()!, r.GetProperty("parent").GetString()!))
            .ToList();

        Assert.Equal(Reference.Select(r => (r["id"], r["heading"], r["criterion"])), points);
    }

    [Fact]
    public void Readiness_NestsPointsOfFocus_AndComposesEachCriterionFromThem()
    {
        Assert.Equal(0, CliRunner.Run("demo", "--db", Db).Code);

        var criteria = Json("readiness", "soc2-2017").GetProperty("requirements").EnumerateArray().ToList();

        Assert.Equal(61, criteria.Count);
        foreach (var c in criteria)
        {
            var id = c.GetProperty("id").GetString()!;
            var points = c.GetProperty("pointsOfFocus").EnumerateArray().ToList();
            Assert.Equal(Reference.Where(r => r["criterion"] == id).Select(r => r["id"]), points.Select(p => p.GetProperty("id").GetString()));
            var status = c.GetProperty("status").GetString();
            var statuses = points.Select(p => p.GetProperty("status").GetString()).ToList();
            if (status == "not-applicable")
            {
                continue;
            }

            // Rule 7: every point covered makes the criterion covered; a gap means nothing reaches it or any point.
            if (statuses.All(s => s == "covered"))
            {
                Assert.Equal("covered", status);
            }

            if (status == "gap")
            {
                Assert.All(statuses, s => Assert.Equal("gap", s));
            }

            // The words never contradict the data: "no control maps" only when no control is listed.
            var reasons = c.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
            if (c.GetProperty("controls").GetArrayLength() > 0)
            {
                Assert.DoesNotContain(reasons, r => r.StartsWith("no control maps", StringComparison.Ordinal));
            }

            Assert.Equal(JsonValueKind.Null, c.GetProperty("judgement").ValueKind);
        }
    }

    [Fact]
    public void GapFromIso_NamesTheMissingPointsOfFocus_WithWhatWouldMeetThemOrWhyIsoDoesNotAsk()
    {
        Assert.Equal(0, CliRunner.Run("demo", "--db", Db).Code);
        var reviewedGaps = Json("crosswalk", "soc2-2017", "iso27001-2022").EnumerateArray()
            .Where(l => l.GetProperty("relationship").GetString() == "no-relationship")
            .Select(l => l.GetProperty("source").GetString()!).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(reviewedGaps);

        var gaps = Json("gap", "soc2-2017", "--from", "iso27001-2022").EnumerateArray().ToList();

        Assert.NotEmpty(gaps);
        foreach (var g in gaps)
        {
            var id = g.GetProperty("id").GetString()!;
            Assert.Contains(g.GetProperty("status").GetString(), new[] { "partial", "gap" });
            foreach (var m in g.GetProperty("missingPointsOfFocus").EnumerateArray())
            {
                var point = m.GetProperty("id").GetString()!;
                Assert.Equal(id, Reference.Single(r => r["id"] == point)["criterion"]);
                Assert.Equal(Reference.Single(r => r["id"] == point)["heading"], m.GetProperty("title").GetString());
                if (reviewedGaps.Contains(point))
                {
                    Assert.False(string.IsNullOrWhiteSpace(m.GetProperty("note").GetString()), point);
                }
                else
                {
                    Assert.All(m.GetProperty("suggestedRequirements").EnumerateArray(), r => Assert.StartsWith("iso27001-2022:", r.GetString(), StringComparison.Ordinal));
                }
            }
        }

        // Fraud risk (CC3.3) is a genuine difference between the regimes: it cannot be covered from ISO alone.
        Assert.Contains(gaps, g => g.GetProperty("id").GetString() == "CC3.3");
    }

    [Fact]
    public void Crosswalk_Csv_IncludesPointOfFocusLinks()
    {
        var (code, output, _) = CliRunner.Run("crosswalk", "iso27001-2022", "soc2-2017", "--format", "csv");

        Assert.Equal(0, code);
        Assert.Contains(",CC6.1-POF", output, StringComparison.Ordinal);
    }
}
