using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Application.Compliance;
using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Pages;

/// <summary>
/// Lists that grow with the program are cut into pages (issue 18, item 6): a control's evidence, everyone's tasks, the
/// audit trail, findings, and controls filtered by the requirement they map to. Each test stores a program whose rows
/// it knows — 13 implemented annual controls ML-01…ML-13 (ML-01…ML-12 mapped to ISO/IEC 27001:2022 A.5.1, ML-13 to
/// A.5.2) and 23 evidence items EV-0001…EV-0023 of ML-01 effective one week apart in 2025 — and compares the pages
/// with those rows. The clock is 2026-11-02 (<see cref="WebFactory.DefaultStart"/>): the 90-day task window lies in
/// 2026, so each control has exactly one annual task, open (due 2026-12-31) and without evidence in its period.
/// The lists the database cuts run on SQLite and PostgreSQL.
/// </summary>
public sealed partial class PagedListsTests
{
    private const int Controls = 13;
    private const int MappedToA51 = 12;
    private const int EvidenceOfMl01 = 23;

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task ControlShow_MoreEvidenceThanThePageSize_ShowsOnePageNewestFirstWithTheTotal(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target);
        var admin = await app.ClientAsAsync(Roles.Admin);
        await StoreAsync(app);

        var first = await admin.GetStringAsync(new Uri("/controls/ML-01?pageSize=10", UriKind.Relative));
        var last = await admin.GetStringAsync(new Uri("/controls/ML-01?pageSize=10&page=3", UriKind.Relative));

        // Newest effective first: EV-0023 is the latest (2025-01-01 + 22 weeks).
        Assert.Equal([.. Enumerable.Range(14, 10).Reverse().Select(Ev)], RowIds(first, "control-evidence"));
        Assert.Equal(["EV-0003", "EV-0002", "EV-0001"], RowIds(last, "control-evidence"));
        Assert.Contains($"data-total=\"{EvidenceOfMl01}\"", first, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\" href=\"/controls/ML-01?pageSize=10&amp;page=2\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ControlShow_PageSizeOverTheCap_SaysSoAndShowsTheDefaultPage()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var admin = await app.ClientAsAsync(Roles.Admin);
        await StoreAsync(app);

        var html = await admin.GetStringAsync(new Uri("/controls/ML-01?pageSize=501", UriKind.Relative));

        Assert.Contains("id=\"list-problem\"", html, StringComparison.Ordinal);
        Assert.Contains("pageSize must be between 1 and 500, not 501", html, StringComparison.Ordinal);
        Assert.Equal(EvidenceOfMl01, RowIds(html, "control-evidence").Count);
    }

    [Fact]
    public async Task Tasks_EveryoneOverSeveralPages_EachPageCappedAndCountsOverAll()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var admin = await app.ClientAsAsync(Roles.Admin);
        await StoreAsync(app);

        var page1 = await admin.GetStringAsync(new Uri("/tasks?who=all&show=all&pageSize=5", UriKind.Relative));
        var page3 = await admin.GetStringAsync(new Uri("/tasks?who=all&show=all&pageSize=5&page=3", UriKind.Relative));
        var api = await admin.GetAsync(new Uri("/api/v1/tasks?pageSize=5&page=3", UriKind.Relative));
        var tooLarge = await admin.GetAsync(new Uri("/api/v1/tasks?pageSize=501", UriKind.Relative));

        // One open 2026 task per control, by due day (all 2026-12-31) then control ID.
        Assert.Equal(["ML-01@2026-01-01", "ML-02@2026-01-01", "ML-03@2026-01-01", "ML-04@2026-01-01", "ML-05@2026-01-01"], TaskIds(page1));
        Assert.Equal(["ML-11@2026-01-01", "ML-12@2026-01-01", "ML-13@2026-01-01"], TaskIds(page3));
        Assert.Contains($"data-total=\"{Controls}\"", page1, StringComparison.Ordinal);
        Assert.Contains($"0 overdue, 0 snoozed, {Controls} open, 0 finished", page1, StringComparison.Ordinal);
        Assert.Equal(Controls.ToString(CultureInfo.InvariantCulture), api.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(["ML-11@2026-01-01", "ML-12@2026-01-01", "ML-13@2026-01-01"],
            (await api.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Equal("invalid-paging", (await tooLarge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Controls_FilteredByMappedRequirement_InTheDatabase_AndReadinessLinksThere(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target);
        var viewer = await app.ClientAsAsync(Roles.Viewer);
        await StoreAsync(app);

        var a51 = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/controls?framework=iso27001-2022&requirement=A.5.1&pageSize=5&page=3", UriKind.Relative));
        var a52 = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/controls?framework=iso27001-2022&requirement=A.5.2", UriKind.Relative));
        var iso = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/controls?framework=iso27001-2022&sort=id&order=desc&pageSize=1", UriKind.Relative));
        var soc2 = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/controls?framework=soc2-2017", UriKind.Relative));
        var noFramework = await viewer.GetAsync(new Uri("/api/v1/controls?requirement=A.5.1", UriKind.Relative));
        var page = await viewer.GetStringAsync(new Uri("/controls?framework=iso27001-2022&requirement=A.5.1&pageSize=5", UriKind.Relative));
        var readiness = await viewer.GetStringAsync(new Uri("/readiness/iso27001-2022", UriKind.Relative));

        Assert.Equal(MappedToA51, a51.GetProperty("total").GetInt32());
        Assert.Equal(["ML-11", "ML-12"], Ids(a51));
        Assert.Equal(["ML-13"], Ids(a52));
        Assert.Equal(Controls, iso.GetProperty("total").GetInt32());
        Assert.Equal(["ML-13"], Ids(iso));
        Assert.Equal(0, soc2.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, noFramework.StatusCode);
        Assert.Equal("invalid-option", (await noFramework.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(5, RowIds(page, "controls").Count);
        Assert.Contains($"data-total=\"{MappedToA51}\"", page, StringComparison.Ordinal);

        // A.5.1's row names 5 of its 12 controls and links to all of them; A.5.2's names its one control.
        var row = RowOf(readiness, "A.5.1");
        Assert.Equal(5, ControlLink().Count(row));
        Assert.Contains($"data-more-controls=\"{MappedToA51}\" href=\"/controls?framework=iso27001-2022&amp;requirement=A.5.1\"", row, StringComparison.Ordinal);
        Assert.Equal(1, ControlLink().Count(RowOf(readiness, "A.5.2")));
        Assert.DoesNotContain("data-more-controls", RowOf(readiness, "A.5.2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLogAndFindings_PagedWithTheirTotals()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var admin = await app.ClientAsAsync(Roles.Admin);
        await StoreAsync(app);

        var log = await admin.GetStringAsync(new Uri("/admin/audit-log?pageSize=2", UriKind.Relative));
        var log2 = await admin.GetStringAsync(new Uri("/admin/audit-log?pageSize=2&page=2", UriKind.Relative));
        var findings = await admin.GetStringAsync(new Uri("/findings?pageSize=1&page=2", UriKind.Relative));

        // The newest entries first, sequence numbers counting down from the total (a fresh chain starts at 1).
        var total = int.Parse(TotalOf().Match(log).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(total >= 3, "the demo load, the program replacement and the account make at least three entries");
        Assert.Equal([total, total - 1], Sequences(log));
        Assert.Equal([total - 2, total - 3], Sequences(log2));

        // The demo's two findings, F-001 and F-002, in the order they were raised: page 2 of size 1 is F-002.
        Assert.Contains("data-total=\"2\"", findings, StringComparison.Ordinal);
        Assert.Equal(["F-002"], FindingIds().Matches(findings).Select(m => m.Groups[1].Value));
    }

    // The program above, stored as an import would store it.
    private static async Task StoreAsync(WebFactory app)
    {
        var mapped = new RequirementRef("iso27001-2022", "A.5.1");
        var controls = Enumerable.Range(1, Controls).Select(i => new Control
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"ML-{i:D2}"),
            Title = string.Create(CultureInfo.InvariantCulture, $"Mapped control {i}"),
            Owner = "owner@example.com",
            Cadence = Cadence.Annual,
            Status = ImplementationStatus.Implemented,
            Mappings = [new ControlMapping(i <= MappedToA51 ? mapped : new RequirementRef("iso27001-2022", "A.5.2"), Relationship.Equal)],
        }).ToList();
        var evidence = Enumerable.Range(1, EvidenceOfMl01).Select(i => new EvidenceItem
        {
            Id = Ev(i),
            Title = string.Create(CultureInfo.InvariantCulture, $"Review {i}"),
            ControlIds = ["ML-01"],
            Versions =
            [
                new EvidenceVersion
                {
                    Number = 1,
                    Url = string.Create(CultureInfo.InvariantCulture, $"https://evidence.example.com/{i}"),
                    CollectedAt = new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero),
                    EffectiveFrom = new DateOnly(2025, 1, 1).AddDays(7 * (i - 1)),
                },
            ],
        }).ToList();
        var program = new ComplianceProgram { Organization = "Paging Co", Controls = controls, Evidence = evidence };
        var stored = await app.Services.GetRequiredService<ProgramImports>()
            .ReplaceAsync(Account.System, program, new Dictionary<string, byte[]>(), "test", CancellationToken.None);
        Assert.True(stored.IsSuccess, stored.Error?.Message);
    }

    private static string Ev(int i) => string.Create(CultureInfo.InvariantCulture, $"EV-{i:D4}");

    private static List<string> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    private static List<string> RowIds(string html, string table)
    {
        var start = html.IndexOf($"id=\"{table}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {table}");
        var body = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        return [.. RowHeader().Matches(body).Select(m => m.Groups[1].Value)];
    }

    private static List<string> TaskIds(string html) => [.. TaskRow().Matches(html).Select(m => m.Groups[1].Value)];

    private static List<int> Sequences(string html) =>
        [.. RowHeader().Matches(html).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    private static string RowOf(string html, string requirement)
    {
        var start = html.IndexOf($"data-requirement=\"{requirement}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row {requirement}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<th scope=\"row\">(?:<a [^>]*>)?([^<\\s]+)")]
    private static partial Regex RowHeader();

    [GeneratedRegex("<tr data-task=\"([^\"]+)\"")]
    private static partial Regex TaskRow();

    [GeneratedRegex("href=\"/controls/ML-")]
    private static partial Regex ControlLink();

    [GeneratedRegex("data-total=\"(\\d+)\"")]
    private static partial Regex TotalOf();

    [GeneratedRegex("<tr data-finding=\"([^\"]+)\"")]
    private static partial Regex FindingIds();
}
