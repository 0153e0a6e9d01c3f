using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Hosting;
using Trellis.Web.Storage;

namespace Trellis.Web.Auth;

/// <summary>
/// Optional OpenID Connect sign-in (authorization code flow with PKCE), registered only when
/// <c>Oidc:Authority</c> is configured. The identity provider proves who the person is; the local account with
/// the same e-mail decides what they may do, so an administrator still creates the account and its role.
/// </summary>
public static class OidcSignIn
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = OpenIdConnectDefaults.AuthenticationScheme;

    internal static void AddIfConfigured(AuthenticationBuilder auth, IConfiguration configuration)
    {
        var settings = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>();
        if (string.IsNullOrWhiteSpace(settings?.Authority))
        {
            return;
        }

        auth.AddOpenIdConnect(SchemeName, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.CallbackPath = "/signin-oidc";
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("email");
            o.Scope.Add("profile");
            o.Events.OnTokenValidated = async context =>
            {
                var email = context.Principal?.FindFirst("email")?.Value
                    ?? context.Principal?.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value;
                var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<TrellisUser>>();
                var user = email is null ? null : await users.FindByEmailAsync(email);
                if (user is null)
                {
                    context.Fail("no Trellis account for this e-mail; ask an administrator to create one");
                    return;
                }

                context.Principal = TrellisPrincipal.Create(user, CookieAuthenticationDefaults.AuthenticationScheme);
            };
        });
    }
}
