using System.Globalization;
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
/// Creates and changes accounts and checks passwords (throttled by <see cref="SignInThrottle"/>, never locking the
/// account). Every change is written to the audit trail in the transaction of the change. Used by the UI, the API
/// and <c>trellis users</c>.
/// </summary>
public sealed partial class AccountService(
    UserManager<TrellisUser> users,
    WebDbContext db,
    TimeProvider clock,
    AuditLog audit,
    Application.Engagements.EngagementService engagements,
    Application.Catalogs.FrameworkLibrary library,
    SignInThrottle throttle,
    DecoyPassword decoy,
    InvitationTokens invitations)
{
    /// <summary>PBKDF2 iterations of stored passwords: OWASP's current minimum for PBKDF2-HMAC-SHA256 is 600,000.</summary>
    public const int PasswordIterations = 600_000;

    /// <summary>Creates an account; <paramref name="password"/> null creates one that signs in only by token or SSO.</summary>
    public Task<Result<TrellisUser>> CreateAsync(NewAccount spec, string? password, string actor, CancellationToken cancellationToken = default) =>
        CreateAsync(spec, password, actor, "account.create", null, cancellationToken);

    private async Task<Result<TrellisUser>> CreateAsync(NewAccount spec, string? password, string actor, string action, object? more, CancellationToken cancellationToken)
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

        var tooLong = AccountLimits.First(
            AccountLimits.Check("email", spec.Email, AccountLimits.MaxEmailLength),
            AccountLimits.Check("displayName", spec.DisplayName, AccountLimits.MaxDisplayNameLength),
            AccountLimits.Check("password", password, AccountLimits.MaxPasswordLength),
            AccountLimits.Check("engagement", spec.Scope?.EngagementId, AccountLimits.MaxEngagementIdLength));
        if (tooLong is not null)
        {
            return tooLong;
        }

        var resolved = await ResolveScopeAsync(spec.Role, spec.Role == Roles.Auditor ? spec.Scope : null, cancellationToken);
        if (!resolved.IsSuccess)
        {
            return resolved.Error!;
        }

        var scope = resolved.Value;
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
            created => new AuditLog.AuditRecordParts(actor, action, $"account/{created.Email}", Described(created, more)),
            cancellationToken);
    }

    private static object Described(TrellisUser u, object? invitation) => invitation is null
        ? new { email = u.Email, role = u.Role, expiresAt = u.ExpiresAt, engagement = u.EngagementId, frameworks = u.ScopeFrameworks, from = u.ScopeFrom, to = u.ScopeTo }
        : new { email = u.Email, role = u.Role, expiresAt = u.ExpiresAt, engagement = u.EngagementId, frameworks = u.ScopeFrameworks, from = u.ScopeFrom, to = u.ScopeTo, invitation };

    // An auditor's scope as it will be stored: what was left blank comes from the engagement on record (explicit
    // frameworks may name an engagement kept elsewhere); an auditor needs frameworks, each in the catalog.
    private async Task<Result<AuditorScope?>> ResolveScopeAsync(string role, AuditorScope? scope, CancellationToken cancellationToken)
    {
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

        if (role == Roles.Auditor && (scope is null || scope.Frameworks.Count == 0))
        {
            return new Error(ErrorCodes.InvalidAccount, "an auditor account needs its engagement, or the frameworks it may see");
        }

        if (scope is not null && await UnknownFrameworkAsync(scope.Frameworks, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        return Result<AuditorScope?>.Ok(scope);
    }

    // An auditor sees only the frameworks of its scope: one the catalog (shipped and imported) lacks would be a
    // scope that shows nothing, or, once a framework with that ID is imported, one nobody chose.
    private async Task<Error?> UnknownFrameworkAsync(IReadOnlySet<string> frameworks, CancellationToken ct)
    {
        if (frameworks.Count > AccountLimits.MaxScopeFrameworks)
        {
            return new Error(
                ErrorCodes.InvalidAccount,
                string.Create(CultureInfo.InvariantCulture, $"an auditor's scope names {frameworks.Count} frameworks; at most {AccountLimits.MaxScopeFrameworks} are allowed"),
                "frameworks");
        }

        var catalog = await library.CatalogAsync(ct);
        foreach (var id in frameworks.Order(StringComparer.Ordinal))
        {
            var found = catalog.Framework(id);
            if (!found.IsSuccess)
            {
                return new Error(ErrorCodes.InvalidAccount, found.Error!.Message, "frameworks");
            }
        }

        return null;
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
