using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Pages;

/// <summary>Issue 13, item 4 in the browser: the readiness page records judgements; the dashboard counts lapsed ones.</summary>
public sealed class JudgementPageTests
{
    [Fact]
    public async Task ComplianceManager_MarksAPointOfFocusNotRelevant_OnTheReadinessPage_AndTheDashboardCountsLapsedJudgements()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync(new NewAccount("lead@example.com", Roles.ComplianceManager), "correct horse battery staple", "test");
            Assert.True(created.IsSuccess);
        }

        var browser = await BrowserSession.SignInAsync(app, "lead@example.com", "correct horse battery staple");
        var dashboard = await (await browser.SendAsync(app, HttpMethod.Get, "/")).Content.ReadAsStringAsync();
        // The demo carries one judgement whose evidence went stale (the demo's own data).
        Assert.Contains("id=\"lapsed-judgements\"", dashboard, StringComparison.Ordinal);

        var posted = await browser.PostFormAsync(app, "/readiness/soc2-2017?handler=Judge", new Dictionary<string, string>
        {
            ["framework"] = "soc2-2017",
            ["requirement"] = "CC3.3-POF2",
            ["kind"] = "not-relevant",
            ["rationale"] = "No incentive schemes tied to reported numbers.",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var viewer = await app.ClientAsAsync(Roles.Viewer);
        var readiness = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/readiness/soc2-2017?pageSize=100", UriKind.Relative));
        var cc33 = readiness.GetProperty("requirements").GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "CC3.3");
        var judged = cc33.GetProperty("pointsOfFocus").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "CC3.3-POF2");
        Assert.Equal("not-relevant", judged.GetProperty("status").GetString());
        Assert.Equal("not-relevant", judged.GetProperty("judgement").GetProperty("kind").GetString());
        Assert.Equal("lead@example.com", judged.GetProperty("judgement").GetProperty("by").GetString());
        // Every lapsed judgement the API shows says why.
        var lapsed = readiness.GetProperty("requirements").GetProperty("items").EnumerateArray()
            .SelectMany(r => r.GetProperty("pointsOfFocus").EnumerateArray().Append(r))
            .Select(x => x.GetProperty("judgement")).Where(j => j.ValueKind == JsonValueKind.Object && j.GetProperty("state").GetString() == "lapsed").ToList();
        Assert.NotEmpty(lapsed);
        Assert.All(lapsed, j => Assert.NotEmpty(j.GetProperty("lapsedBecause").EnumerateArray()));

        var viewerPost = await viewer.GetStringAsync(new Uri("/readiness/soc2-2017", UriKind.Relative));
        Assert.DoesNotContain("data-judge=", viewerPost, StringComparison.Ordinal); // viewers see no judgement forms
    }
}
