using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Trellis.Application.Actors;
using Trellis.Data.AuditTrail;
using Trellis.Web.Storage;

namespace Trellis.Web.Auth;

/// <summary>
/// Checks the account behind every authenticated request against the database, whatever the scheme (cookie,
/// API token, OpenID Connect): it must exist, carry the security stamp the session was issued with (a cookie; a
/// token carries the current one), not be disabled by an admin, and be unexpired. Failed sign-ins never refuse an
/// account here: they only slow password sign-in (<see cref="SignInThrottle"/>). Otherwise the request answers 401 and a cookie session is ended. Checked on each
/// request (not only at sign-in), so an auditor's expiry, a revoked session or a deleted account takes effect
/// at once on every instance: the account comes from <see cref="AccessCache"/>, which reads it again after any commit. On success the <see cref="Account"/> is attached to the request.
/// </summary>
internal sealed class AccountGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AccessCache access, TimeProvider clock)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        var id = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.User.FindFirstValue(TrellisPrincipal.StampClaim);
        var user = id is null ? null : await access.UserAsync(id, context.RequestAborted);
        var why = Refusal(user, stamp, clock.GetUtcNow());
        if (why is not null)
        {
            if (context.User.Identity.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
            {
                await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            }

            await Responses.Unauthorized(context, why);
            return;
        }

        context.Features.Set(new Account(user!.Id, user.Email ?? user.UserName ?? user.Id, user.Role, ScopeOf(user)));
        await next(context);
    }

    /// <summary>Why the account may not act now, or null when it may.</summary>
    internal static string? Refusal(TrellisUser? user, string? stamp, DateTimeOffset now)
    {
        if (user is null)
        {
            return "the account no longer exists";
        }

        if (!string.Equals(user.SecurityStamp, stamp, StringComparison.Ordinal))
        {
            return "the session was revoked; sign in again";
        }

        if (user.ExpiresAt is { } expires && expires <= now)
        {
            return "the account has expired";
        }

        if (user.Role == Roles.Auditor && user.ExpiresAt is null)
        {
            return "an auditor account needs an expiry date";
        }

        if (IsDisabled(user))
        {
            return "the account is disabled";
        }

        return Roles.IsKnown(user.Role) ? null : "the account has no valid role";
    }

    /// <summary>
    /// What <see cref="TrellisUser.LockoutEnd"/> holds while an admin has the account disabled (Identity's documented
    /// way to disable an account; no sign-in failure ever sets it). Not <see cref="DateTimeOffset.MaxValue"/>, which
    /// PostgreSQL's driver would store as infinity.
    /// </summary>
    internal static readonly DateTimeOffset DisabledMark = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>True when an admin disabled the account (a lockout from before sign-in throttling is not).</summary>
    internal static bool IsDisabled(TrellisUser user) => user.LockoutEnd is { } end && end >= DisabledMark;

    internal static AuditorScope? ScopeOf(TrellisUser user) => user.Role != Roles.Auditor ? null : new AuditorScope(
        user.EngagementId,
        user.ScopeFrameworks.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
        user.ScopeFrom,
        user.ScopeTo);
}
