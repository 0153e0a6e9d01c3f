using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Trellis.Application.Actors;
using Trellis.Core.Common;
using Trellis.Web.AuditTrail;
using Trellis.Web.Storage;

namespace Trellis.Web.Auth;

/// <summary>
/// Invitations (one-time links to choose a password), an auditor's scope and expiry, and revoking every session and
/// API token of an account: each one transaction with its audit entry.
/// </summary>
public sealed partial class AccountService
{
    /// <summary>
    /// Creates an account without a password and returns its invitation (<see cref="Invitation"/>): a link, shown once,
    /// with which the person chooses the password. Audited as <c>account.invite</c>. Nothing sends it: until Trellis
    /// sends mail, the admin passes the link on.
    /// </summary>
    public async Task<Result<Invitation>> InviteAsync(NewAccount spec, string actor, CancellationToken cancellationToken = default)
    {
        var expires = clock.GetUtcNow() + invitations.Lifetime;
        var created = await CreateAsync(spec, null, actor, "account.invite", new { expiresAt = expires }, cancellationToken);
        return created.IsSuccess ? await LinkAsync(created.Value, expires) : created.Error!;
    }

    /// <summary>
    /// A new invitation for an account that has not chosen its password yet; the links made before stop working (a new
    /// security stamp). Refused for an account with a password and for a disabled one. Audited as <c>account.reinvite</c>.
    /// </summary>
    public async Task<Result<Invitation>> ReinviteAsync(string userId, string actor, CancellationToken cancellationToken = default)
    {
        var expires = clock.GetUtcNow() + invitations.Lifetime;
        var changed = await ChangeAsync(
            userId,
            user => Task.FromResult(
                user.PasswordHash is not null ? new Error(ErrorCodes.InvalidAccount, $"{user.Email} has chosen a password already; an invitation is for an account without one")
                : AccountGate.IsDisabled(user) ? new Error(ErrorCodes.InvalidAccount, $"{user.Email} is disabled; enable it first")
                : null),
            Sync(_ => { }),
            (user, _) => new AuditLog.AuditRecordParts(actor, "account.reinvite", $"account/{user.Email}", new { email = user.Email, invitation = new { expiresAt = expires } }),
            cancellationToken);
        return changed.IsSuccess ? await LinkAsync(changed.Value, expires) : changed.Error!;
    }

    /// <summary>
    /// The account an invitation link is for, when the link may be used now; otherwise <c>invalid-invitation</c> saying
    /// why: not a link Trellis made, used already, replaced by a newer invitation (or the account's sessions revoked),
    /// expired, or the account disabled or expired.
    /// </summary>
    public async Task<Result<TrellisUser>> CheckInvitationAsync(string? token)
    {
        var ticket = invitations.Read(token);
        if (ticket is null || ticket.Purpose != UserManager<TrellisUser>.ResetPasswordTokenPurpose)
        {
            return Refused("this is not an invitation link Trellis made; copy the whole link, or ask an admin for a new one");
        }

        var user = await users.FindByIdAsync(ticket.UserId);
        if (user is null)
        {
            return Refused("the account this invitation was for no longer exists");
        }

        if (AccountGate.IsDisabled(user))
        {
            return Refused($"{user.Email} is disabled; ask an admin");
        }

        if (user.PasswordHash is not null)
        {
            return Refused($"this invitation has been used already: sign in as {user.Email} with the password chosen then");
        }

        if (!string.Equals(ticket.Stamp, user.SecurityStamp, StringComparison.Ordinal))
        {
            return Refused("this invitation link was replaced by a newer one (or revoked); use the newest link, or ask an admin for one");
        }

        if (invitations.IsExpired(ticket))
        {
            var on = invitations.ExpiryOf(ticket).UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            return Refused($"this invitation link expired at {on}; ask an admin for a new one");
        }

        return AccountGate.Refusal(user, user.SecurityStamp, clock.GetUtcNow()) is { } why ? Refused(why) : user;
    }

    /// <summary>
    /// Sets the password of the account an invitation is for (Identity's password rules: at least 12 characters), which
    /// ends the link: the password changes the security stamp. Audited as <c>account.accept-invitation</c> by the account.
    /// </summary>
    public async Task<Result<TrellisUser>> AcceptInvitationAsync(string? token, string password, CancellationToken cancellationToken = default)
    {
        var found = await CheckInvitationAsync(token);
        if (!found.IsSuccess)
        {
            return found;
        }

        if (AccountLimits.Check("password", password, AccountLimits.MaxPasswordLength) is { } tooLong)
        {
            return tooLong;
        }

        var user = found.Value;
        return await audit.WriteAsync(
            db,
            async () =>
            {
                var set = await users.ResetPasswordAsync(user, token!, password ?? "");
                if (set.Succeeded)
                {
                    return Result<TrellisUser>.Ok(user);
                }

                return set.Errors.Any(e => e.Code is "InvalidToken" or "ConcurrencyFailure")
                    ? Refused("this invitation has been used already, or replaced; ask an admin for a new link")
                    : new Error(ErrorCodes.InvalidAccount, string.Join("; ", set.Errors.Select(e => e.Description)), "password");
            },
            accepted => new AuditLog.AuditRecordParts(accepted.Email ?? accepted.Id, "account.accept-invitation", $"account/{accepted.Email}", new { email = accepted.Email }),
            cancellationToken);
    }

    /// <summary>
    /// Changes when the account stops working (extend or shorten; null: never, not for an auditor). The new expiry must
    /// be in the future: to stop an account now, disable it. Open sessions keep working until then
    /// (<see cref="AccountGate"/> reads the expiry on every request). Audited as <c>account.expiry</c>.
    /// </summary>
    public Task<Result<TrellisUser>> ChangeExpiryAsync(string userId, DateTimeOffset? expiresAt, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            userId,
            user => Task.FromResult(
                user.Role == Roles.Auditor && expiresAt is null ? new Error(ErrorCodes.InvalidAccount, "an auditor account needs an expiry date", "expiresAt")
                : expiresAt is { } at && at <= clock.GetUtcNow() ? new Error(ErrorCodes.InvalidAccount, "the expiry must be in the future; to stop an account now, disable it", "expiresAt")
                : null),
            Sync(user => user.ExpiresAt = expiresAt),
            (user, before) => new AuditLog.AuditRecordParts(actor, "account.expiry", $"account/{user.Email}", new { email = user.Email, from = before.ExpiresAt, to = user.ExpiresAt }),
            cancellationToken,
            endSessions: false);

    /// <summary>
    /// Changes an auditor's scope: engagement, frameworks and window (what is left blank comes from the engagement on
    /// record, as when the account is made). The next request of every open session sees the new scope. Audited as
    /// <c>account.scope</c> with the scope before and after.
    /// </summary>
    public async Task<Result<TrellisUser>> ChangeScopeAsync(string userId, AuditorScope scope, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (AccountLimits.Check("engagement", scope.EngagementId, AccountLimits.MaxEngagementIdLength) is { } tooLong)
        {
            return tooLong;
        }

        var resolved = await ResolveScopeAsync(Roles.Auditor, scope, cancellationToken);
        if (!resolved.IsSuccess)
        {
            return resolved.Error!;
        }

        var next = resolved.Value!;
        return await ChangeAsync(
            userId,
            user => Task.FromResult(user.Role != Roles.Auditor ? new Error(ErrorCodes.InvalidAccount, $"{user.Email} is {user.Role}: only an auditor account has a scope", "role") : null),
            Sync(user =>
            {
                user.EngagementId = next.EngagementId;
                user.ScopeFrameworks = string.Join(' ', next.Frameworks.Order(StringComparer.Ordinal));
                user.ScopeFrom = next.From;
                user.ScopeTo = next.To;
            }),
            (user, before) => new AuditLog.AuditRecordParts(actor, "account.scope", $"account/{user.Email}", new
            {
                email = user.Email,
                from = before.Scope,
                to = new { engagement = user.EngagementId, frameworks = user.ScopeFrameworks, from = user.ScopeFrom, to = user.ScopeTo },
            }),
            cancellationToken,
            endSessions: false);
    }

    /// <summary>
    /// Ends every browser session of the account (a new security stamp: <see cref="AccountGate"/> refuses each older
    /// cookie at its next request, on every instance) and deletes all its API tokens, in one transaction: from the next
    /// request on, nothing issued before works. Pending invitation links die too. The account itself stays enabled and
    /// signs in anew. Audited as <c>account.revoke</c> with the number of tokens deleted.
    /// </summary>
    public async Task<Result<TrellisUser>> RevokeAccessAsync(string userId, string actor, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        return await ChangeAsync(
            userId,
            _ => Task.FromResult<Error?>(null),
            async user => deleted = await db.ApiTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(cancellationToken),
            (user, _) => new AuditLog.AuditRecordParts(actor, "account.revoke", $"account/{user.Email}", new { email = user.Email, tokensDeleted = deleted }),
            cancellationToken);
    }

    private async Task<Result<Invitation>> LinkAsync(TrellisUser user, DateTimeOffset expires) =>
        Invitation.For(user, await users.GeneratePasswordResetTokenAsync(user), expires);

    private static Error Refused(string why) => new(ErrorCodes.InvalidInvitation, why, "token");
}
