using System.Text.Json;
using ClosedXML.Excel;
using Trellis.Exchange.Spreadsheets;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary><c>trellis roadmap --format md|json|xlsx</c>, checked against docs/audit-cycle.md §2.5 and the reference lists.</summary>
public sealed class RoadmapCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trellis-roadmap-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static List<JsonElement> Tasks(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(["roadmap", .. args, "--format", "json"]);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.GetProperty("tasks").EnumerateArray().ToList();
    }

    private static List<string> Satisfies(JsonElement task) => task.GetProperty("satisfies").EnumerateArray().Select(s => s.GetString()!).ToList();

    [Fact]
    public void Roadmap_Json_EveryTaskHasTheContractFields()
    {
        var tasks = Tasks();

        Assert.All(tasks, t =>
        {
            Assert.False(string.IsNullOrEmpty(t.GetProperty("id").GetString()));
            Assert.InRange(t.GetProperty("step").GetInt32(), 1, 4);
            Assert.False(string.IsNullOrEmpty(t.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrEmpty(t.GetProperty("produces").GetString()));
            Assert.NotEmpty(Satisfies(t));
            Assert.All(Satisfies(t), s => Assert.Matches("^(iso27001-2022|soc2-2017):", s));
            Assert.Equal("not-started", t.GetProperty("status").GetString());
        });
        Assert.Equal([1, 2, 3, 4], tasks.Select(t => t.GetProperty("step").GetInt32()).Distinct());
    }

    [Fact]
    public void Roadmap_Json_Step1CoversEveryMandatoryDocumentedInformationClause()
    {
        var step1 = Tasks().Where(t => t.GetProperty("step").GetInt32() == 1).SelectMany(Satisfies).ToHashSet();

        Assert.All(GuideFacts.MandatoryDocumentedInformationClauses, clause => Assert.Contains($"iso27001-2022:{clause}", step1));
    }

    [Fact]
    public void Roadmap_Markdown_ListsEveryMandatoryDocumentedInformationClauseAndTheFourSteps()
    {
        var (code, output, _) = CliRunner.Run("roadmap");

        Assert.Equal(0, code);
        var satisfied = output.Split('\n')
            .Where(l => l.StartsWith("  - Satisfies: ", StringComparison.Ordinal))
            .SelectMany(l => l["  - Satisfies: ".Length..].Split(", "))
            .ToHashSet();
        Assert.All(GuideFacts.MandatoryDocumentedInformationClauses, clause => Assert.Contains($"iso27001-2022:{clause}", satisfied));
        for (var step = 1; step <= 4; step++)
        {
            Assert.Contains($"## Step {step}. ", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Roadmap_Categories_AddTheirCriteria()
    {
        var availability = ReferenceData.Csv("soc2-tsc-2017.csv").Where(r => r["category"] == "Availability").Select(r => "soc2-2017:" + r["id"]);

        var tasks = Tasks("--categories", "availability,confidentiality");

        var step2 = tasks.Where(t => t.GetProperty("step").GetInt32() == 2).ToList();
        Assert.Equal(["tsc-security", "tsc-availability", "tsc-confidentiality"], step2.Select(t => t.GetProperty("id").GetString()));
        Assert.Equal(availability, Satisfies(step2[1]));
        Assert.DoesNotContain(Tasks(), t => t.GetProperty("id").GetString() == "tsc-availability");
    }

    [Fact]
    public void Roadmap_Step3_ReusesOnlyDefiniteCuratedLinks()
    {
        var links = JsonDocument.Parse(CliRunner.Run("crosswalk", "iso27001-2022", "soc2-2017", "--format", "json").Out).RootElement
            .EnumerateArray()
            .Where(l => l.GetProperty("relationship").GetString() is "equal" or "subset-of" or "superset-of")
            .Where(l => l.GetProperty("target").GetString()!.StartsWith("CC", StringComparison.Ordinal))
            .Where(l => !l.GetProperty("target").GetString()!.Contains("-POF", StringComparison.Ordinal)) // the roadmap works per criterion
            .Select(l => (l.GetProperty("source").GetString()!, l.GetProperty("target").GetString()!))
            .ToHashSet();

        var step3 = Tasks().Where(t => t.GetProperty("step").GetInt32() == 3).ToList();

        var pairs = step3.SelectMany(t =>
        {
            var refs = Satisfies(t);
            var criterion = refs.Single(r => r.StartsWith("soc2-2017:", StringComparison.Ordinal))["soc2-2017:".Length..];
            return refs.Where(r => r.StartsWith("iso27001-2022:", StringComparison.Ordinal)).Select(r => (r["iso27001-2022:".Length..], criterion));
        }).ToHashSet();
        Assert.Equal(links.OrderBy(p => p), pairs.OrderBy(p => p));
    }

    [Fact]
    public void Roadmap_Xlsx_WithoutOut_ExitsTwo()
    {
        var (code, output, error) = CliRunner.Run("roadmap", "--format", "xlsx");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Roadmap_Xlsx_ReadsBackWithHeaderFreezeFilterWidthsAndEveryTask()
    {
        var path = Path.Combine(_dir, "roadmap.xlsx");
        var tasks = Tasks("--categories", "privacy");

        var (code, output, _) = CliRunner.Run("roadmap", "--categories", "privacy", "--format", "xlsx", "--out", path);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, output);
        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheet("Roadmap");
        Assert.Equal(["step", "id", "title", "produces", "satisfies", "status", "basis"], sheet.Row(1).Cells(1, 7).Select(c => c.GetString()));
        Assert.True(sheet.Row(1).Cell(1).Style.Font.Bold);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.All(Enumerable.Range(1, 7), c => Assert.True(sheet.Column(c).Width > 5));
        Assert.Equal(tasks.Count + 1, sheet.LastRowUsed().RowNumber());
        for (var i = 0; i < tasks.Count; i++)
        {
            var row = sheet.Row(i + 2);
            Assert.Equal(tasks[i].GetProperty("step").GetInt32(), row.Cell(1).GetValue<int>());
            Assert.Equal(SpreadsheetText.Neutralize(tasks[i].GetProperty("id").GetString()), row.Cell(2).GetString());
            Assert.Equal(SpreadsheetText.Neutralize(tasks[i].GetProperty("produces").GetString()), row.Cell(4).GetString());
            Assert.Equal(string.Join(" ", Satisfies(tasks[i])), row.Cell(5).GetString());
        }

        Assert.DoesNotContain(sheet.CellsUsed(), c => c.HasFormula);
        var satisfied = sheet.Column(5).CellsUsed().Select(c => c.GetString()).SelectMany(s => s.Split(' ')).ToHashSet();
        Assert.All(GuideFacts.MandatoryDocumentedInformationClauses, clause => Assert.Contains($"iso27001-2022:{clause}", satisfied));
        Assert.Contains(satisfied, s => s == "soc2-2017:P8.1");
        Assert.True(workbook.Worksheet("Evidence reuse").LastRowUsed().RowNumber() > 1);
    }

    [Theory]
    [InlineData("md", "# Roadmap")]
    [InlineData("json", "\"tasks\"")]
    public void Roadmap_TextWithOut_WritesTheFileInsteadOfStdout(string format, string expected)
    {
        var path = Path.Combine(_dir, "roadmap." + format);

        var (code, output, _) = CliRunner.Run("roadmap", "--format", format, "--out", path);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Roadmap_OutUnderAFile_ExitsTwo()
    {
        var blocker = Path.Combine(_dir, "blocker");
        File.WriteAllText(blocker, "not a directory");

        var (code, _, error) = CliRunner.Run("roadmap", "--format", "xlsx", "--out", Path.Combine(blocker, "r.xlsx"));

        Assert.Equal(2, code);
        Assert.Contains("cannot write", error, StringComparison.Ordinal);
    }
}
