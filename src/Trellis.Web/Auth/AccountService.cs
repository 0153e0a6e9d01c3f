using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Trellis.Application.Actors;
using Trellis.Core.Common;
using Trellis.Data.AuditTrail;
using Trellis.Web.AuditTrail;
using Trellis.Web.Storage;

namespace Trellis.Web.Auth;

/// <summary>What a new account is.</summary>
/// <param name="Email">E-mail; also the sign-in name and the owner name controls use.</param>
/// <param name="Role">One of <see cref="Roles.All"/>.</param>
/// <param name="DisplayName">Name shown in the UI; the e-mail when empty.</param>
/// <param name="ExpiresAt">When the account stops working; required for auditors.</param>
/// <param name="Scope">An auditor's engagement scope; required for auditors, ignored otherwise.</param>
public sealed record NewAccount(string Email, string Role, string? DisplayName = null, DateTimeOffset? ExpiresAt = null, AuditorScope? Scope = null);

/// <summary>
/// Creates accounts and checks passwords (with lockout). Every change is written to the audit trail.
/// Used by the UI, the API and <c>trellis users add</c>.
/// </summary>
public sealed class AccountService(UserManager<TrellisUser> users, WebDbContext db, TimeProvider clock, AuditLog audit, Application.Engagements.EngagementService engagements)
{
    /// <summary>PBKDF2 iterations of stored passwords: OWASP's current minimum for PBKDF2-HMAC-SHA256 is 600,000.</summary>
    public const int PasswordIterations = 600_000;

    /// <summary>Creates an account; <paramref name="password"/> null creates one that signs in only by token or SSO.</summary>
    public async Task<Result<TrellisUser>> CreateAsync(NewAccount spec, string? password, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var now = clock.GetUtcNow();
        if (!Roles.IsKnown(spec.Role))
        {
            return new Error(ErrorCodes.InvalidRole, $"unknown role '{spec.Role}'; roles are {string.Join(", ", Roles.All)}");
        }

        if (spec.Role == Roles.Auditor && (spec.ExpiresAt is null || spec.ExpiresAt <= now))
        {
            return new Error(ErrorCodes.InvalidAccount, "an auditor account needs an expiry date in the future");
        }

        var scope = spec.Role == Roles.Auditor ? spec.Scope : null;
        // What was left blank comes from the engagement on record; explicit frameworks may name an engagement kept elsewhere.
        if (scope?.EngagementId is { Length: > 0 } engagementId && (scope.Frameworks.Count == 0 || (scope.From is null && scope.To is null)))
        {
            var found = await engagements.GetAsync(Account.System, engagementId, cancellationToken);
            var stored = found.IsSuccess ? found.Value.Value : null;
            if (stored is not null)
            {
                scope = AuditorScopes.Complete(scope, stored);
            }
            else if (scope.Frameworks.Count == 0)
            {
                return new Error(ErrorCodes.UnknownEngagement, $"no engagement '{engagementId}' is on record; plan it first (trellis plan --save, or PUT /api/v1/engagements/{engagementId}) or name the frameworks", "engagement");
            }
        }

        if (spec.Role == Roles.Auditor && (scope is null || scope.Frameworks.Count == 0))
        {
            return new Error(ErrorCodes.InvalidAccount, "an auditor account needs its engagement, or the frameworks it may see");
        }

        var user = new TrellisUser
        {
            UserName = spec.Email.Trim(),
            Email = spec.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(spec.DisplayName) ? spec.Email.Trim() : spec.DisplayName.Trim(),
            Role = spec.Role,
            ExpiresAt = spec.ExpiresAt,
            EngagementId = scope?.EngagementId,
            ScopeFrameworks = scope is null ? "" : string.Join(' ', scope.Frameworks.Order(StringComparer.Ordinal)),
            ScopeFrom = scope?.From,
            ScopeTo = scope?.To,
            CreatedAt = now,
        };
        // Identity's store writes through the request's context, so the account and its entry commit together.
        return await audit.WriteAsync(
            db,
            async () =>
            {
                var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
                if (result.Succeeded)
                {
                    return Result<TrellisUser>.Ok(user);
                }

                var duplicate = result.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail");
                return new Error(duplicate ? ErrorCodes.DuplicateAccount : ErrorCodes.InvalidAccount, string.Join("; ", result.Errors.Select(e => e.Description)));
            },
            created => new AuditLog.AuditRecordParts(actor, "account.create", $"account/{created.Email}", new
            {
                email = created.Email,
                role = created.Role,
                expiresAt = created.ExpiresAt,
                engagement = created.EngagementId,
                frameworks = created.ScopeFrameworks,
                from = created.ScopeFrom,
                to = created.ScopeTo,
            }),
            cancellationToken);
    }

    /// <summary>
    /// Checks an e-mail and password. Wrong passwords count toward lockout (5 attempts, 15 minutes); an
    /// expired or locked account is refused even with the right password.
    /// </summary>
    public async Task<Result<TrellisUser>> CheckPasswordAsync(string email, string password)
    {
        var invalid = new Error(ErrorCodes.InvalidCredentials, "the e-mail or password is wrong");
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return invalid;
        }

        if (await users.IsLockedOutAsync(user))
        {
            return new Error(ErrorCodes.AccountLocked, "too many failed attempts; try again later");
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return invalid;
        }

        await users.ResetAccessFailedCountAsync(user);
        var refusal = AccountGate.Refusal(user, user.SecurityStamp, clock.GetUtcNow());
        return refusal is null ? user : new Error(ErrorCodes.AccountRefused, refusal);
    }

    /// <summary>True when no account exists yet.</summary>
    public async Task<bool> NoneExistAsync(CancellationToken cancellationToken = default) => !await db.Users.AnyAsync(cancellationToken);

    /// <summary>A random password of 24 characters from an unambiguous alphabet (about 120 bits).</summary>
    public static string RandomPassword()
    {
        const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(Alphabet, 24);
    }
}
