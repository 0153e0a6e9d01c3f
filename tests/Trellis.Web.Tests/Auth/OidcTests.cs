using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
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
}
