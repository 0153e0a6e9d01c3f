using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trellis.Data.AuditTrail;

namespace Trellis.Web.Auth;

/// <summary>
/// <c>Authorization: Bearer trl_…</c>: looks the token up by its SHA-256 and signs the request in as its owner.
/// Whether the owner may act now is checked by <see cref="AccountGate"/>, like every other session. Tokens are looked
/// up through <see cref="AccessCache"/>: no query while nothing was committed.
/// </summary>
internal sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessCache access,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiTokens.Hash(header["Bearer ".Length..].Trim());
        var found = await access.TokenAsync(hash, Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail("unknown API token");
        }

        if (found.ExpiresAt is { } expires && expires <= clock.GetUtcNow())
        {
            return AuthenticateResult.Fail("the API token has expired");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(TrellisPrincipal.Create(found.User, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Responses.Unauthorized(Context, "sign in, or send a personal API token as 'Authorization: Bearer <token>'");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Responses.Forbidden(Context, "your role does not allow this");
}
