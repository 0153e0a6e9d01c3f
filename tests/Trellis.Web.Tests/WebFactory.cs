using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Trellis.Web.Auth;
using Trellis.Web.Hosting;
using Trellis.Web.Storage;

namespace Trellis.Web.Tests;

/// <summary>
/// The real app on a throwaway database through the real migrations. The only replaced service is the clock
/// (a <see cref="FakeTimeProvider"/>), so tests can move time past an auditor's expiry. <paramref name="configureServices"/>
/// may replace what lies beyond the network edge (e.g. an identity provider's HTTP handler), nothing inside the app.
/// </summary>
internal sealed class WebFactory(string database, DateTimeOffset? start = null, bool demo = false, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? configureServices = null) : WebApplicationFactory<Program>
{
    /// <summary>The default start: a fixed, known instant.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(start ?? DefaultStart);

    public StringWriter Console { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Trellis:Database", database);
        builder.UseSetting("Trellis:Demo", demo ? "true" : "false");
        // The scheduler would run today's digest at start-up in every test host; the notification tests turn it on.
        builder.UseSetting("Trellis:Scheduler:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(new ServeConsole(Console));
            configureServices?.Invoke(services);
        });
    }

    /// <summary>Creates an account without a password and returns a client that calls the API with its token.</summary>
    public async Task<HttpClient> ClientAsAsync(string role, string? email = null, DateTimeOffset? expiresAt = null, AuditorScope? scope = null)
    {
        var token = await TokenForAsync(role, email, expiresAt, scope);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates an account (no password) and an API token for it.</summary>
    public async Task<string> TokenForAsync(string role, string? email = null, DateTimeOffset? expiresAt = null, AuditorScope? scope = null)
    {
        email ??= $"{role}-{Guid.NewGuid():N}@example.com";
        if (role == Roles.Auditor)
        {
            expiresAt ??= Clock.GetUtcNow().AddDays(30);
            scope ??= new AuditorScope("eng-1", new HashSet<string> { "soc2-2017" }, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30));
        }

        await using var scopeServices = Services.CreateAsyncScope();
        var accounts = scopeServices.ServiceProvider.GetRequiredService<AccountService>();
        var user = await accounts.CreateAsync(new NewAccount(email, role, null, expiresAt, scope), null, "test");
        Assert.True(user.IsSuccess, user.Error?.ToString());
        var db = scopeServices.ServiceProvider.GetRequiredService<WebDbContext>();
        return (await ApiTokens.IssueAsync(db, user.Value.Id, "test", Clock.GetUtcNow())).Secret;
    }

    /// <summary>A client without credentials that does not follow redirects.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
