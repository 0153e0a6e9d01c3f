using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

/// <summary>
/// Every page of the UI on the demo program, one signed-in user at a time: p50 and p99 of each page against a bare
/// endpoint serving the same bytes in the same run, and a flag on any page whose p50 is over the 300 ms budget.
/// </summary>
internal static class PageLatency
{
    private const double BudgetMs = 300;

    private static readonly string[] Pages =
    [
        "/", "/readiness/iso27001-2022", "/frameworks/iso27001-2022", "/crosswalk?from=iso27001-2022&to=soc2-2017&inferred=true",
        "/controls", "/controls/AC-01", "/controls/AC-01/edit", "/evidence", "/evidence/upload", "/risks", "/soa", "/soa/A.5.7",
        "/account/tokens", "/advice?market=us&buyers=type2&maturity=scaling&architecture=saas", "/calendar", "/engagements",
        "/requests", "/compare?left=iso27001-2022&right=soc2-2017", "/roadmap", "/reports", "/admin/audit-log", "/admin/accounts",
    ];

    public static async Task<List<WebResult>> RunAsync(HttpClient client, string token, ConcurrentDictionary<string, byte[]> bare, int perPage)
    {
        var results = new List<WebResult>();
        Console.WriteLine($"Trellis page latency: demo program, one user, {perPage} requests per page after one warm-up, loopback (budget {BudgetMs} ms p50)");
        Console.WriteLine($"{"page",-64} {"p50 ms",8} {"p99 ms",8}   {"bare p50",8}   ratio p50");
        var over = 0;
        for (var i = 0; i < Pages.Length; i++)
        {
            var name = "page" + i.ToString(CultureInfo.InvariantCulture);
            bare[name] = await (await SendAsync(client, Pages[i], token)).Content.ReadAsByteArrayAsync();
            var real = await TimeAsync(client, Pages[i], token, perPage);
            var baseline = await TimeAsync(client, "/bare/" + name, null, perPage);
            var flag = real.P50 > BudgetMs ? "  OVER BUDGET" : "";
            over += flag.Length > 0 ? 1 : 0;
            results.Add(new WebResult(Pages[i], real.P50, real.P99, real.Rate, baseline.P50, baseline.P99));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Pages[i],-64} {real.P50,8:F1} {real.P99,8:F1}   {baseline.P50,8:F2}   {real.P50 / baseline.P50,9:F1}{flag}"));
        }

        Console.WriteLine(over == 0 ? "Every page is within budget." : $"{over} page(s) over budget.");
        return results;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await client.SendAsync(request);
        return response.EnsureSuccessStatusCode();
    }

    private static async Task<Stats> TimeAsync(HttpClient client, string path, string? token, int count)
    {
        (await SendAsync(client, path, token)).Dispose();
        var times = new double[count];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            using var response = await SendAsync(client, path, token);
            await response.Content.ReadAsByteArrayAsync();
            times[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }

        Array.Sort(times);
        return new Stats(times[count / 2], times[Math.Min(count - 1, (int)(count * 0.99))], count / total.Elapsed.TotalSeconds);
    }
}
