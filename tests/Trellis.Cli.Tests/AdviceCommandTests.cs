using System.Text.Json;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary>The CLI contract of issue 7: <c>advise</c>, <c>compare</c> and <c>roadmap</c>, as acceptance checks call them.</summary>
public class AdviceCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    private static JsonElement Advise(string market, string buyers, string maturity, string architecture, params string[] more) =>
        Json(["advise", "--market", market, "--buyers", buyers, "--maturity", maturity, "--architecture", architecture, .. more, "--format", "json"]);

    private static List<string> Ids(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(x => x.GetString()!).ToList();

    /// <summary>The coverage command's own classification of <paramref name="target"/> after all of <paramref name="implemented"/>.</summary>
    private static Dictionary<string, List<string>> Coverage(string target, string implemented) =>
        Json("coverage", target, "--implemented", implemented, "--format", "json").EnumerateArray()
            .GroupBy(e => e.GetProperty("coverage").GetString()!)
            .ToDictionary(g => g.Key, g => g.Select(e => e.GetProperty("id").GetString()!).ToList());

    [Theory]
    [InlineData("us", "type2", "scaling", "saas", "soc2-first")]
    [InlineData("regulated", "iso", "formal", "multi-unit", "iso-first")]
    [InlineData("global", "both", "scaling", "saas", "both")]
    [InlineData("us", "both", "formal", "multi-unit", "both")]
    public void Advise_ClearCutCorners_GiveTheDocumentedRecommendation(string market, string buyers, string maturity, string architecture, string expected)
    {
        var advice = Advise(market, buyers, maturity, architecture);

        Assert.Equal(expected, advice.GetProperty("recommendation").GetString());
        var reasons = advice.GetProperty("reasons").EnumerateArray().ToList();
        Assert.Equal(["market", "buyers", "maturity", "architecture"], reasons.Select(r => r.GetProperty("criterion").GetString()));
        Assert.Equal([market, buyers, maturity, architecture], reasons.Select(r => r.GetProperty("answer").GetString()));
        Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("effect").GetString())));
    }

    [Theory]
    [InlineData("regulated", "iso", "formal", "multi-unit", "iso27001-2022", "soc2-2017")]
    [InlineData("global", "both", "scaling", "saas", "iso27001-2022", "soc2-2017")]
    [InlineData("us", "type2", "scaling", "saas", "soc2-2017", "iso27001-2022")]
    public void Advise_Overlap_EqualsTheCoverageCommand(string market, string buyers, string maturity, string architecture, string from, string to)
    {
        var overlap = Advise(market, buyers, maturity, architecture).GetProperty("overlap");
        var coverage = Coverage(to, from);

        Assert.Equal((from, to), (overlap.GetProperty("from").GetString(), overlap.GetProperty("to").GetString()));
        Assert.Equal(coverage.GetValueOrDefault("full", []).Count, overlap.GetProperty("full").GetInt32());
        Assert.Equal(coverage.GetValueOrDefault("partial", []).Count, overlap.GetProperty("partial").GetInt32());
        Assert.Equal(coverage.GetValueOrDefault("none", []).Count, overlap.GetProperty("gap").GetInt32());
        Assert.Equal(coverage.GetValueOrDefault("full", []), Ids(overlap, "fullIds"));
        Assert.Equal(coverage.GetValueOrDefault("partial", []), Ids(overlap, "partialIds"));
        Assert.Equal(coverage.GetValueOrDefault("none", []), Ids(overlap, "gapIds"));
    }

    [Fact]
    public void Advise_IsoToSoc2Overlap_ClassifiesAll61Criteria()
    {
        var overlap = Advise("global", "both", "formal", "multi-unit").GetProperty("overlap");

        Assert.Equal(ReferenceData.Csv("soc2-tsc-2017.csv").Count, overlap.GetProperty("full").GetInt32() + overlap.GetProperty("partial").GetInt32() + overlap.GetProperty("gap").GetInt32());
    }

    [Fact]
    public void Advise_HasSoc2Report_MeansAddIsoWithAnExistingReason()
    {
        var advice = Advise("regulated", "iso", "formal", "multi-unit", "--has", "soc2-type2");

        Assert.Equal("add-iso27001", advice.GetProperty("recommendation").GetString());
        Assert.Equal("iso27001-2022", advice.GetProperty("overlap").GetProperty("to").GetString());
        var existing = Assert.Single(advice.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("criterion").GetString() == "existing");
        Assert.Equal("soc2-type2", existing.GetProperty("answer").GetString());
    }

    [Theory]
    [InlineData("soc2-type2,iso27001")]
    [InlineData("soc2-type2", "--has", "iso27001")]
    public void Advise_HasBothFrameworks_IsBothWithOneExistingReason(params string[] has)
    {
        var advice = Advise("us", "type2", "scaling", "saas", ["--has", .. has]);

        Assert.Equal("both", advice.GetProperty("recommendation").GetString());
        var existing = Assert.Single(advice.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("criterion").GetString() == "existing");
        Assert.Equal("soc2-type2,iso27001", existing.GetProperty("answer").GetString());
        Assert.Equal("iso27001-2022", advice.GetProperty("overlap").GetProperty("from").GetString());
    }

    [Fact]
    public void Advise_TightDeadline_AddsOneDeadlineReasonFavouringSoc2()
    {
        var inTwoMonths = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddMonths(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var advice = Advise("global", "unknown", "scaling", "saas", "--deadline", inTwoMonths);

        Assert.Equal("soc2-first", advice.GetProperty("recommendation").GetString());
        var deadline = Assert.Single(advice.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("criterion").GetString() == "deadline");
        Assert.Equal(inTwoMonths, deadline.GetProperty("answer").GetString());
        Assert.StartsWith("soc2 +2", deadline.GetProperty("effect").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--deadline", "31/03/2027", "invalid date")]
    [InlineData("--deadline", "2001-01-01", "before today")]
    [InlineData("--has", "iso27002", "unknown report")]
    public void Advise_BadOptionalInput_ExitsTwoWithOneLine(string option, string value, string message)
    {
        var (code, output, error) = CliRunner.Run("advise", "--market", "us", "--buyers", "iso", "--maturity", "formal", "--architecture", "saas", option, value, "--format", "json");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(message, Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--market", "eu")]
    [InlineData("--buyers", "soc1")]
    public void Advise_AnswerOutsideTheChoices_IsAUsageError(string option, string value)
    {
        string[] args = ["advise", "--market", "us", "--buyers", "iso", "--maturity", "formal", "--architecture", "saas"];
        args[Array.IndexOf(args, option) + 1] = value;

        var (code, _, error) = CliRunner.Run(args);

        Assert.Equal(1, code);
        Assert.Contains(value, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Advise_Table_ShowsTheRecommendationAndOverlap()
    {
        var (code, output, _) = CliRunner.Run("advise", "--market", "us", "--buyers", "type2", "--maturity", "scaling", "--architecture", "saas");

        Assert.Equal(0, code);
        Assert.Contains("Recommendation: soc2-first", output, StringComparison.Ordinal);
        Assert.Contains("iso27001-2022 if every requirement of soc2-2017 were implemented: full ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_IsoAndSoc2_ShowsCertificationVersusAttestation()
    {
        // docs/audit-cycle.md §3: ISO is an accredited certification, SOC 2 a CPA attestation opinion.
        var compare = Json("compare", "iso27001-2022", "soc2-2017", "--format", "json");

        var rows = compare.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("dimension").GetString()!);
        Assert.Equal("certification", rows["assuranceModel"].GetProperty("left").GetString());
        Assert.Equal("attestation", rows["assuranceModel"].GetProperty("right").GetString());
        Assert.Contains("CPA", rows["authority"].GetProperty("right").GetString(), StringComparison.Ordinal);
        Assert.Contains("certification body", rows["authority"].GetProperty("left").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Type 2", rows["reportTypes"].GetProperty("right").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            ["issuer", "assuranceModel", "authority", "scopeModel", "controlSelection", "reportTypes", "cycle", "levelOfDetail", "disclosure", "primaryFocus", "applicability"],
            rows.Keys);
        Assert.Equal("iso27001-2022", compare.GetProperty("left").GetProperty("id").GetString());
    }

    [Fact]
    public void Compare_Table_NamesBothFrameworks()
    {
        var (code, output, _) = CliRunner.Run("compare", "soc2-2017", "nist-csf-2.0");

        Assert.Equal(0, code);
        Assert.Contains("attestation", output, StringComparison.Ordinal);
        Assert.Contains("self-assessment", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compare", "iso27001-2022", "soc2")]
    [InlineData("compare", "iso27001", "soc2-2017")]
    [InlineData("roadmap", "--categories", "availabilty")]
    public void UnknownId_ExitsTwoWithOneLine(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Matches("unknown (framework|Trust Services category) '", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Theory]
    [InlineData("advise")]
    [InlineData("compare")]
    [InlineData("roadmap")]
    public void EveryAdviceCommand_HasHelp(string command)
    {
        var (code, output, _) = CliRunner.Run(command, "--help");

        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }
}
