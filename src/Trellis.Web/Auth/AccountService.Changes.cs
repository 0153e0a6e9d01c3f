using Microsoft.EntityFrameworkCore;
using Trellis.Application.Actors;
using Trellis.Core.Common;
using Trellis.Web.AuditTrail;
using Trellis.Web.Storage;

namespace Trellis.Web.Auth;

/// <summary>Role changes, disabling and enabling: each one transaction with its audit entry, each ending the account's sessions.</summary>
public sealed partial class AccountService
{
    /// <summary>
    /// Gives the account <paramref name="userId"/> another role and ends its sessions at once (a new security stamp),
    /// so no cookie keeps the old role's rights. An auditor account is made for one engagement, so no account becomes
    /// or stops being an auditor this way; and the last enabled admin keeps its role.
    /// </summary>
    public async Task<Result<TrellisUser>> ChangeRoleAsync(string userId, string role, string actor, CancellationToken cancellationToken = default)
    {
        if (!Roles.IsKnown(role))
        {
            return new Error(ErrorCodes.InvalidRole, $"unknown role '{role}'; roles are {string.Join(", ", Roles.All)}", "role");
        }

        return await ChangeAsync(
            userId,
            async user =>
            {
                if (role == Roles.Auditor || user.Role == Roles.Auditor)
                {
                    return new Error(ErrorCodes.InvalidAccount, "an auditor account is made for its engagement: create a new account instead of changing a role to or from auditor", "role");
                }

                return role != Roles.Admin ? await KeepsAnAdminAsync(user, cancellationToken) : null;
            },
            Sync(user => user.Role = role),
            (user, before) => new AuditLog.AuditRecordParts(actor, "account.role", $"account/{user.Email}", new { email = user.Email, from = before.Role, to = user.Role }),
            cancellationToken);
    }

    /// <summary>
    /// Disables the account <paramref name="userId"/>: every request it makes — cookie, API token, single sign-on —
    /// answers 401 from the next one on (<see cref="AccountGate"/>), until an admin enables it. The last enabled admin
    /// cannot be disabled.
    /// </summary>
    public Task<Result<TrellisUser>> DisableAsync(string userId, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            userId,
            user => KeepsAnAdminAsync(user, cancellationToken),
            Sync(user => user.LockoutEnd = AccountGate.DisabledMark),
            (user, _) => new AuditLog.AuditRecordParts(actor, "account.disable", $"account/{user.Email}", new { email = user.Email }),
            cancellationToken);

    /// <summary>Enables a disabled account; its API tokens work again, and it signs in anew.</summary>
    public Task<Result<TrellisUser>> EnableAsync(string userId, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            userId,
            _ => Task.FromResult<Error?>(null),
            Sync(user => user.LockoutEnd = null),
            (user, _) => new AuditLog.AuditRecordParts(actor, "account.enable", $"account/{user.Email}", new { email = user.Email }),
            cancellationToken);

    // Loads the account, checks the rule, applies the change (with a new security stamp when it ends the account's
    // sessions) and writes the entry, in one transaction.
    private async Task<Result<TrellisUser>> ChangeAsync(
        string userId,
        Func<TrellisUser, Task<Error?>> rule,
        Func<TrellisUser, Task> change,
        Func<TrellisUser, Before, AuditLog.AuditRecordParts> entry,
        CancellationToken cancellationToken,
        bool endSessions = true)
    {
        var before = default(Before);
        return await audit.WriteAsync(
            db,
            async () =>
            {
                var user = await users.FindByIdAsync(userId);
                if (user is null)
                {
                    return new Error(ErrorCodes.UnknownAccount, $"no account '{userId}'", "id");
                }

                if (await rule(user) is { } refused)
                {
                    return refused;
                }

                before = new Before(user.Role, user.ExpiresAt, new { engagement = user.EngagementId, frameworks = user.ScopeFrameworks, from = user.ScopeFrom, to = user.ScopeTo });
                await change(user);
                var saved = endSessions ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
                return saved.Succeeded
                    ? Result<TrellisUser>.Ok(user)
                    : new Error(ErrorCodes.InvalidAccount, string.Join("; ", saved.Errors.Select(e => e.Description)));
            },
            user => entry(user, before),
            cancellationToken);
    }

    // The change takes an enabled admin away (demoted or disabled): refused when no other enabled admin remains.
    private async Task<Error?> KeepsAnAdminAsync(TrellisUser user, CancellationToken ct)
    {
        if (user.Role != Roles.Admin || AccountGate.IsDisabled(user))
        {
            return null;
        }

        var admins = await db.Users.AsNoTracking().Where(u => u.Role == Roles.Admin && u.Id != user.Id).ToListAsync(ct);
        return admins.Any(a => !AccountGate.IsDisabled(a))
            ? null
            : new Error(ErrorCodes.LastAdmin, $"{user.Email} is the last enabled admin; make another account admin first");
    }

    private static Func<TrellisUser, Task> Sync(Action<TrellisUser> change) => user =>
    {
        change(user);
        return Task.CompletedTask;
    };

    private readonly record struct Before(string Role, DateTimeOffset? ExpiresAt, object Scope);
}
