using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Trellis.Web.Auth;
using Trellis.Web.Hosting;

namespace Trellis.Web.Tests.Auth;

public sealed class OidcTests
{
    [Fact]
    public async Task OpenIdConnect_NotConfigured_IsNotRegistered()
    {
        await using var app = TrellisWebHost.CreateBuilder(new ServeRequest("Data Source=:memory:"), console: TextWriter.Null).Build();
        var schemes = app.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.Null(await schemes.GetSchemeAsync(OidcSignIn.SchemeName));
    }

    [Fact]
    public async Task OpenIdConnect_AuthorityConfigured_IsRegisteredWithItsLabel()
    {
        var builder = TrellisWebHost.CreateBuilder(new ServeRequest("Data Source=:memory:"), ["--Oidc:Authority=https://login.example.com", "--Oidc:ClientId=trellis", "--Oidc:DisplayName=Example SSO"], TextWriter.Null);
        await using var app = builder.Build();
        var scheme = await app.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(OidcSignIn.SchemeName);
        Assert.NotNull(scheme);
        Assert.Equal("Example SSO", scheme.DisplayName);
    }

    [Fact]
    public async Task SessionCookie_IsStrictWithoutSso_AndLaxWithSso_SoTheReturnFromTheProviderKeepsTheSession()
    {
        await using var plain = TrellisWebHost.CreateBuilder(new ServeRequest("Data Source=:memory:"), console: TextWriter.Null).Build();
        await using var sso = TrellisWebHost.CreateBuilder(new ServeRequest("Data Source=:memory:"), ["--Oidc:Authority=https://login.example.com", "--Oidc:ClientId=trellis"], TextWriter.Null).Build();
        static SameSiteMode Of(IServiceProvider services) =>
            services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme).Cookie.SameSite;
        Assert.Equal(SameSiteMode.Strict, Of(plain.Services));
        Assert.Equal(SameSiteMode.Lax, Of(sso.Services));
    }
}
