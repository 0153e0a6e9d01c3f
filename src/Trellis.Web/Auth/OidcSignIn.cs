using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Trellis.Application.Actors;
using Trellis.Data.AuditTrail;
using Trellis.Web.Hosting;
using Trellis.Web.Storage;

namespace Trellis.Web.Auth;

/// <summary>
/// Optional OpenID Connect sign-in (authorization code flow with PKCE), registered only when
/// <c>Oidc:Authority</c> is configured. The identity provider proves who the person is; the local account with
/// the same e-mail decides what they may do, so an administrator still creates the account and its role.
/// </summary>
public static partial class OidcSignIn
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>True when <c>Oidc:Authority</c> is set, so single sign-on is offered.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetSection(OidcOptions.Section).Get<OidcOptions>()?.Authority);

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
            o.Events.OnTokenValidated = SignInLocalAccountAsync;
            o.Events.OnRemoteFailure = async context =>
            {
                // Bad state or correlation, a provider error (access_denied), an id_token that fails validation:
                // without this the handler throws and the person sees a 500.
                var logger = Logger(context.HttpContext);
                Log.Failed(logger, context.Failure);
                context.HandleResponse();
                await Responses.Unauthorized(context.HttpContext, "single sign-on failed; try again, or sign in with your password");
            };
        });
    }

    /// <summary>
    /// Replaces the provider's principal with the local account's (ID, role and the security stamp AccountGate
    /// checks), or refuses — with the reason, and no session — when there is no account for the e-mail, the
    /// provider says it has not verified the e-mail, or the account may not sign in now (expired, locked), the
    /// same rules as password sign-in.
    /// </summary>
    private static async Task SignInLocalAccountAsync(TokenValidatedContext context)
    {
        var principal = context.Principal;
        var email = principal?.FindFirst("email")?.Value ?? principal?.FindFirst(ClaimTypes.Email)?.Value;
        var services = context.HttpContext.RequestServices;
        var user = email is null ? null : await services.GetRequiredService<UserManager<TrellisUser>>().FindByEmailAsync(email);

        // OpenID Connect Core 5.1: email_verified false means the provider has not checked the person owns the
        // address, so it must not unlock the account of whoever does.
        var unverified = string.Equals(principal?.FindFirst("email_verified")?.Value, "false", StringComparison.OrdinalIgnoreCase);
        var refusal = user is null ? "no Trellis account for this e-mail; ask an administrator to create one"
            : unverified ? "the identity provider has not verified this e-mail"
            : AccountGate.Refusal(user, user.SecurityStamp, services.GetRequiredService<TimeProvider>().GetUtcNow());
        if (refusal is not null)
        {
            var logger = Logger(context.HttpContext);
            Log.Refused(logger, email ?? "(none)", refusal);
            context.HandleResponse();
            await Responses.Unauthorized(context.HttpContext, refusal);
            return;
        }

        context.Principal = TrellisPrincipal.Create(user!, CookieAuthenticationDefaults.AuthenticationScheme);
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSignIn).FullName!);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "OpenID Connect sign-in failed")]
        public static partial void Failed(ILogger logger, Exception? failure);

        [LoggerMessage(Level = LogLevel.Information, Message = "OpenID Connect sign-in for {Email} refused: {Reason}")]
        public static partial void Refused(ILogger logger, string email, string reason);
    }
}
