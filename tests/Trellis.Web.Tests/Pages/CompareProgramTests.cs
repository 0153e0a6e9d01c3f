using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Pages;

/// <summary>Issue 13, item 5: the Compare page gives the program's own answer next to the crosswalk's, and it is readiness's.</summary>
public sealed partial class CompareProgramTests
{
    [Fact]
    public async Task ComparePage_WithAProgram_ShowsTheSameCountsAsReadinessCreditedFromTheOtherFramework()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var viewer = await app.ClientAsAsync(Roles.Viewer);

        var page = await viewer.GetStringAsync(new Uri("/compare?left=iso27001-2022&right=soc2-2017", UriKind.Relative));

        foreach (var (from, to) in new[] { ("iso27001-2022", "soc2-2017"), ("soc2-2017", "iso27001-2022") })
        {
            var api = await viewer.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/readiness/{to}?creditedFrom={from}&pageSize=1", UriKind.Relative));
            var summary = api.GetProperty("summary");
            var row = Row().Match(page[page.IndexOf($"data-from=\"{from}\" data-to=\"{to}\"", StringComparison.Ordinal)..]).Value;
            foreach (var (count, field) in new[] { ("covered", "covered"), ("partial", "partial"), ("gap", "gap"), ("not-applicable", "notApplicable") })
            {
                Assert.Contains($"data-count=\"{count}\">{summary.GetProperty(field).GetInt32()}<", row, StringComparison.Ordinal);
            }
        }
    }

    [GeneratedRegex("^.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();
}
