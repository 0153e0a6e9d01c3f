using System.Diagnostics;
using System.Net;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Api;

/// <summary>Every page answers within 300 ms on the demo program (median of five requests, after one warm-up request).</summary>
public sealed class PageSpeedTests
{
    private static readonly string[] Pages =
    [
        "/", "/readiness/iso27001-2022", "/frameworks/iso27001-2022", "/crosswalk?from=iso27001-2022&to=soc2-2017&inferred=true",
        "/controls", "/controls/AC-01", "/controls/AC-01/edit", "/evidence", "/evidence/upload", "/risks", "/soa", "/soa/A.5.7",
        "/account/tokens", "/advice?market=us&buyers=type2&maturity=scaling&architecture=saas", "/calendar?certificationDecision=2026-03-15&soc2Start=2026-01-01", "/admin/audit-log", "/admin/accounts",
        "/calendar", "/engagements", "/requests", "/compare?left=iso27001-2022&right=soc2-2017", "/roadmap", "/api/v1/requests?pageSize=500", "/api/v1/readiness", "/api/v1/controls?pageSize=500",
    ];

    [Fact]
    public async Task Pages_OnTheDemoProgram_AnswerWithin300Milliseconds()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var admin = await app.ClientAsAsync(Roles.Admin);
        var slow = new List<string>();
        foreach (var path in Pages)
        {
            var uri = new Uri(path, UriKind.Relative);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(uri)).StatusCode);
            // Up to three rounds: other test assemblies share the two cores, so one noisy round is not a verdict.
            var best = double.MaxValue;
            for (var round = 0; round < 3 && best > 300; round++)
            {
                var times = new List<double>();
                for (var i = 0; i < 5; i++)
                {
                    var sw = Stopwatch.StartNew();
                    using var response = await admin.GetAsync(uri);
                    await response.Content.ReadAsByteArrayAsync();
                    times.Add(sw.Elapsed.TotalMilliseconds);
                }

                best = Math.Min(best, times.Order().ElementAt(2));
            }

            if (best > 300)
            {
                slow.Add($"{path}: {best:F0} ms");
            }
        }

        Assert.True(slow.Count == 0, string.Join("; ", slow));
    }
}
