extern alias cli;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Api;

/// <summary>
/// Issue 13, item 5 and its "done when": on the demo, every surface that answers "we run X: what remains for Y?" gives
/// the same counts — the readiness API credited from X, the dashboard (whose demo controls reach Y only through X), the
/// Compare page's program row, <c>trellis readiness --from</c>, <c>trellis gap --from</c> and <c>trellis advise</c>, in
/// both directions. Each surface is read as a user reads it (JSON, HTML, CLI output), never from the engine directly.
/// </summary>
public sealed partial class OneAnswerTests
{
    [Theory]
    [InlineData("iso27001-2022", "soc2-2017")]
    [InlineData("soc2-2017", "iso27001-2022")]
    public async Task Demo_EverySurface_GivesOneAnswer(string from, string to)
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var viewer = await app.ClientAsAsync(Roles.Viewer);

        var api = (await viewer.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/readiness/{to}?creditedFrom={from}&pageSize=1", UriKind.Relative))).GetProperty("summary");
        var expected = (api.GetProperty("covered").GetInt32(), api.GetProperty("partial").GetInt32(), api.GetProperty("gap").GetInt32());

        var cliReadiness = Json("readiness", to, "--from", from, "--format", "json", "--db", db.Target).GetProperty("summary");
        Assert.Equal(expected, Counts(cliReadiness));

        var cliGaps = Json("gap", to, "--from", from, "--format", "json", "--db", db.Target).EnumerateArray().ToList();
        Assert.Equal(expected.Item2 + expected.Item3, cliGaps.Count);
        Assert.Equal(expected.Item3, cliGaps.Count(g => g.GetProperty("status").GetString() == "gap"));

        // The advisor's second framework is the one whose requirements are counted: pick answers that put `from` first.
        string[] answers = from == "iso27001-2022"
            ? ["--market", "regulated", "--buyers", "iso", "--maturity", "formal", "--architecture", "multi-unit"]
            : ["--market", "us", "--buyers", "type2", "--maturity", "scaling", "--architecture", "saas"];
        var advice = Json(["advise", .. answers, "--format", "json", "--db", db.Target]);
        Assert.Equal(from, advice.GetProperty("program").GetProperty("creditedFrom").GetString());
        Assert.Equal(expected, Counts(advice.GetProperty("program").GetProperty("summary")));

        var compare = await viewer.GetStringAsync(new Uri($"/compare?left={from}&right={to}", UriKind.Relative));
        var row = compare[compare.IndexOf($"<tr data-from=\"{from}\" data-to=\"{to}\">", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Equal(expected, (Count(row, "covered"), Count(row, "partial"), Count(row, "gap")));

        // The demo's controls reach SOC 2 only through their ISO mappings, so the dashboard's SOC 2 card is the same answer.
        if (from == "iso27001-2022")
        {
            var dashboard = await viewer.GetStringAsync(new Uri("/", UriKind.Relative));
            var card = dashboard[dashboard.IndexOf($"data-framework=\"{to}\"", StringComparison.Ordinal)..];
            card = card[..card.IndexOf("</section>", StringComparison.Ordinal)];
            Assert.Equal(expected, (Count(card, "covered"), Count(card, "partial"), Count(card, "gap")));
        }
    }

    private static (int, int, int) Counts(JsonElement summary) =>
        (summary.GetProperty("covered").GetInt32(), summary.GetProperty("partial").GetInt32(), summary.GetProperty("gap").GetInt32());

    private static int Count(string html, string status)
    {
        var match = CountCell().Matches(html).First(m => m.Groups[1].Value == status);
        return int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static JsonElement Json(params string[] args)
    {
        using var o = new StringWriter();
        using var e = new StringWriter();
        var code = cli::Trellis.Cli.CliApp.Run(args, o, e, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(WebFactory.DefaultStart));
        Assert.True(code == 0, e.ToString());
        return JsonDocument.Parse(o.ToString()).RootElement;
    }

    [GeneratedRegex("data-count=\"([a-z-]+)\">(\\d+)<")]
    private static partial Regex CountCell();
}
