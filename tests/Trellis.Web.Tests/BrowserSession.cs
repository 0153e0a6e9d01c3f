using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Trellis.Web.Tests;

/// <summary>
/// A browser, minus the browser: signs in through the real form (antiforgery token and all) and keeps its own
/// cookies, so the same session can be replayed against another app instance.
/// </summary>
internal sealed partial class BrowserSession
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public string CookieHeader => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    public static async Task<BrowserSession> SignInAsync(WebFactory app, string email, string password)
    {
        var session = new BrowserSession();
        var response = await session.PostLoginAsync(app, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    public async Task<HttpResponseMessage> PostLoginAsync(WebFactory app, string email, string password)
    {
        var page = await SendAsync(app, HttpMethod.Get, "/account/login");
        var token = AntiforgeryToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        return await SendAsync(app, HttpMethod.Post, "/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>Posts a page's form the way a browser would: fetches the page for its antiforgery token first.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(WebFactory app, string path, Dictionary<string, string> fields)
    {
        var page = await SendAsync(app, HttpMethod.Get, path);
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        return await SendAsync(app, HttpMethod.Post, path, new FormUrlEncodedContent(fields));
    }

    /// <summary>Sends a request with this session's cookies to any instance, keeping cookies it sets.</summary>
    public async Task<HttpResponseMessage> SendAsync(WebFactory app, HttpMethod method, string path, HttpContent? content = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", CookieHeader);
        }

        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            foreach (var cookie in set)
            {
                var pair = cookie.Split(';')[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..eq], pair[(eq + 1)..]);
                if (value.Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }
        }

        return response;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
