using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Trellis.Web.Auth;
using Trellis.Web.Hosting;

namespace Trellis.Web.E2E;

/// <summary>
/// The real app with the demo program on a temporary SQLite file, listening on a loopback port, and one headless
/// Chromium (Debian's, never downloaded) shared by the tests of a class. The clock is the only fake.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "trellis-e2e-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    internal Factory App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public FakeTimeProvider Clock => App.Clock;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        App = new Factory(Path.Combine(_folder, "trellis.db"));
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Creates an account with <see cref="Password"/>.</summary>
    public async Task CreateAccountAsync(string email, string role, DateTimeOffset? expires = null, AuditorScope? scope = null)
    {
        await using var s = App.Services.CreateAsyncScope();
        var created = await s.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(new NewAccount(email, role, null, expires, scope), Password, "e2e");
        Assert.True(created.IsSuccess, created.Error?.ToString());
    }

    /// <summary>A new browser context (its own cookies) at 1366×768, signed in through the form.</summary>
    public Task<IPage> SignInAsync(string email) =>
        SignInAsync(email, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });

    /// <summary>A new browser context with <paramref name="options"/> (viewport, CSP bypass), signed in through the form.</summary>
    public async Task<IPage> SignInAsync(string email, BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // DOMContentLoaded, not load: on a busy 2-core CI machine the dashboard's images and scripts can take longer
        // than the default 30 s to finish, and the tests only need the signed-in page's document.
        // Staff land on the dashboard, an auditor on their engagement (issue 16): anything but the sign-in form.
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        return page;
    }

    /// <summary>Where screenshots go: TRELLIS_ARTIFACTS, else TestResults/screenshots at the repository root.</summary>
    public static string ArtifactsDirectory()
    {
        var root = Environment.GetEnvironmentVariable("TRELLIS_ARTIFACTS") is { Length: > 0 } a ? a
            : Path.Combine(typeof(BrowserApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(x => x.Key == "RepoRoot").Value!, "TestResults", "screenshots");
        Directory.CreateDirectory(root);
        return root;
    }

    internal sealed class Factory(string database) : WebApplicationFactory<Program>
    {
        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Trellis:Database", database);
            builder.UseSetting("Trellis:Demo", "true");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton(new ServeConsole(TextWriter.Null));
            });
        }
    }
}
