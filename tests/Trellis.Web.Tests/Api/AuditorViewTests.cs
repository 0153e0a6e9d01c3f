using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Trellis.Application.Actors;

namespace Trellis.Web.Tests.Api;

/// <summary>
/// Issue 14, hole A (2) and (3): an auditor sees what existed in their framework and window, computed as of the window —
/// never a date after it, never evidence they cannot open, never another framework's mappings.
/// </summary>
public sealed partial class AuditorViewTests
{
    private static readonly DateOnly From = new(2026, 4, 1);
    private static readonly DateOnly To = new(2026, 6, 30);

    [Fact]
    public async Task Readiness_AuditorWithAPastWindow_IsComputedAsOfTheWindowsLastDayFromEvidenceTheyCanOpen()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var auditor = await SocAuditorAsync(app);

        var body = await auditor.GetStringAsync(new Uri("/api/v1/readiness/soc2-2017?pageSize=200", UriKind.Relative));
        var report = JsonDocument.Parse(body).RootElement;
        Assert.Equal("2026-06-30", report.GetProperty("summary").GetProperty("asOf").GetString());
        AssertNoDateAfterWindow(body);

        var visible = (await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/evidence?pageSize=500", UriKind.Relative)))
            .GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToHashSet();
        var cited = report.GetProperty("requirements").GetProperty("items").EnumerateArray()
            .SelectMany(r => r.GetProperty("evidence").EnumerateArray()).Select(e => e.GetString()).ToList();
        Assert.NotEmpty(cited);
        Assert.All(cited, id => Assert.Contains(id, visible));

        // The staff view of the same day differs: the demo collects evidence up to today (2026-11-02), after the window.
        var staff = await (await app.ClientAsAsync(Roles.Viewer)).GetStringAsync(new Uri("/api/v1/readiness/soc2-2017?pageSize=200", UriKind.Relative));
        Assert.Contains("2026-1", staff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Controls_SocAuditor_SeesOnlySoc2MappingsInTheListTheItemAndThePage()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var auditor = await SocAuditorAsync(app);

        var list = await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/controls?pageSize=200", UriKind.Relative));
        var controls = list.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(controls);
        var frameworks = controls.SelectMany(c => c.GetProperty("mappings").EnumerateArray()).Select(m => m.GetProperty("framework").GetString()).Distinct().ToList();
        Assert.Equal(["soc2-2017"], frameworks);

        var id = controls[0].GetProperty("id").GetString()!;
        var one = await auditor.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/controls/{id}", UriKind.Relative));
        Assert.All(one.GetProperty("mappings").EnumerateArray(), m => Assert.Equal("soc2-2017", m.GetProperty("framework").GetString()));
        var staffOne = await (await app.ClientAsAsync(Roles.Viewer)).GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/controls/{id}", UriKind.Relative));
        Assert.Contains(staffOne.GetProperty("mappings").EnumerateArray(), m => m.GetProperty("framework").GetString() != "soc2-2017");

        var page = await auditor.GetStringAsync(new Uri($"/controls/{id}", UriKind.Relative));
        Assert.DoesNotContain("iso27001-2022", page, StringComparison.Ordinal);
        AssertNoDateAfterWindow(await auditor.GetStringAsync(new Uri("/controls", UriKind.Relative)));
    }

    [Fact]
    public async Task Judgements_Auditor_SeesOnlyTheirFrameworksJudgementsRecordedByTheWindowsEnd()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var auditor = await SocAuditorAsync(app);

        var staff = await (await app.ClientAsAsync(Roles.Viewer)).GetFromJsonAsync<JsonElement>(new Uri("/api/v1/judgements", UriKind.Relative));
        var seen = await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/judgements", UriKind.Relative));
        var windowEnd = new DateTimeOffset(To.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);

        // The demo records judgements on several days, some after 2026-06-30: the auditor gets exactly the earlier ones.
        var expected = staff.EnumerateArray().Where(j => j.GetProperty("judgement").GetProperty("at").GetDateTimeOffset() <= windowEnd).Select(j => j.GetProperty("requirement").GetString()).ToList();
        Assert.True(expected.Count < staff.GetArrayLength(), "the demo should record a judgement after the window");
        Assert.Equal(expected, seen.EnumerateArray().Select(j => j.GetProperty("requirement").GetString()).ToList());
    }

    private static Task<HttpClient> SocAuditorAsync(WebFactory app) =>
        app.ClientAsAsync(Roles.Auditor, scope: new AuditorScope("soc2-type2", new HashSet<string> { "soc2-2017" }, From, To));

    private static void AssertNoDateAfterWindow(string body)
    {
        var late = IsoDate().Matches(body).Select(m => DateOnly.ParseExact(m.Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .Where(d => d > To).Distinct().Order().ToList();
        Assert.True(late.Count == 0, $"dates after the window: {string.Join(", ", late)}");
    }

    [GeneratedRegex(@"\b20\d\d-[01]\d-[0-3]\d\b")]
    private static partial Regex IsoDate();
}
