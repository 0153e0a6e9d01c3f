using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Application.Actors;
using Trellis.Core.Common;
using Trellis.Data.AuditTrail;
using Trellis.Web.AuditTrail;
using Trellis.Web.Auth;
using Trellis.Web.Storage;

namespace Trellis.Web.Hosting;

/// <summary>
/// What the CLI does with the web state without starting the server: <c>trellis users add|role|disable|enable</c> and
/// <c>trellis audit-log verify</c>. Both open the same database <c>trellis serve</c> would.
/// </summary>
public static class OfflineTasks
{
    /// <summary>
    /// Creates an account (applying the web state's migrations first). <paramref name="password"/> null
    /// generates a random one, returned so the caller can show it once.
    /// </summary>
    public static async Task<Result<(string Email, string Password)>> AddAccountAsync(string? database, NewAccount account, string? password, string? actor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var db = WebDatabase.Open(database);
        if (!db.IsSuccess)
        {
            return db.Error!;
        }

        await db.Value.MigrateAsync(cancellationToken);
        var app = TrellisWebHost.CreateBuilder(new ServeRequest(database), console: TextWriter.Null).Build();
        await using (app.ConfigureAwait(false))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var secret = password ?? AccountService.RandomPassword();
            var created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(account, secret, actor ?? Account.Operator(Environment.UserName).Email, cancellationToken);
            return created.IsSuccess ? (created.Value.Email!, secret) : created.Error!;
        }
    }

    /// <summary>
    /// Invites a person (applying the web state's migrations first): creates the account without a password and returns
    /// its one-time link (<see cref="Invitation"/>), to be shown once.
    /// </summary>
    public static async Task<Result<Invitation>> InviteAccountAsync(string? database, NewAccount account, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var db = WebDatabase.Open(database);
        if (!db.IsSuccess)
        {
            return db.Error!;
        }

        await db.Value.MigrateAsync(cancellationToken);
        var app = TrellisWebHost.CreateBuilder(new ServeRequest(database), console: TextWriter.Null).Build();
        await using (app.ConfigureAwait(false))
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AccountService>().InviteAsync(account, actor, cancellationToken);
        }
    }

    /// <summary>
    /// Changes the account with <paramref name="email"/> through <see cref="AccountService"/> (applying the web state's
    /// migrations first): <paramref name="change"/> gets the service and the account's ID, and writes the change with its
    /// audit entry, ending the account's sessions. <c>unknown-account</c> when no account has the e-mail.
    /// </summary>
    public static async Task<Result<T>> ChangeAccountAsync<T>(
        string? database, string email, Func<AccountService, string, Task<Result<T>>> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(change);
        var db = WebDatabase.Open(database);
        if (!db.IsSuccess)
        {
            return db.Error!;
        }

        await db.Value.MigrateAsync(cancellationToken);
        var app = TrellisWebHost.CreateBuilder(new ServeRequest(database), console: TextWriter.Null).Build();
        await using (app.ConfigureAwait(false))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var normalized = email.Trim().ToUpperInvariant();
            var user = await scope.ServiceProvider.GetRequiredService<WebDbContext>().Users.AsNoTracking()
                .SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
            return user is null
                ? new Error(ErrorCodes.UnknownAccount, $"no account '{email}' (trellis users add)")
                : await change(scope.ServiceProvider.GetRequiredService<AccountService>(), user.Id);
        }
    }

    /// <summary>
    /// The web account with <paramref name="email"/> as an actor of the application layer (<c>trellis --as</c>):
    /// <c>unknown-account</c>, or <c>account-refused</c> when it may not act now (expired, disabled, no valid role).
    /// </summary>
    public static async Task<Result<Account>> AccountAsync(Trellis.Data.TrellisDatabase database, string email, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(clock);
        var context = new WebDatabase(database).CreateContext();
        await using (context.ConfigureAwait(false))
        {
            var normalized = email.Trim().ToUpperInvariant();
            var user = await context.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
            if (user is null)
            {
                return new Error(ErrorCodes.UnknownAccount, $"no account '{email}' (trellis users add)", "--as");
            }

            var refusal = AccountGate.Refusal(user, user.SecurityStamp, clock.GetUtcNow());
            return refusal is null
                ? new Account(user.Id, user.Email ?? email, user.Role, AccountGate.ScopeOf(user))
                : new Error(ErrorCodes.AccountRefused, $"{email} may not act now: {refusal}", "--as");
        }
    }

    /// <summary>Verifies the audit trail's hash chain (read-only), against a checkpoint kept outside the database when given.</summary>
    public static async Task<Result<AuditVerification>> VerifyAuditTrailAsync(string? database, AuditCheckpoint? checkpoint = null, CancellationToken cancellationToken = default)
    {
        var db = WebDatabase.Open(database);
        if (!db.IsSuccess)
        {
            return db.Error!;
        }

        var context = db.Value.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            if (!(await context.Database.GetAppliedMigrationsAsync(cancellationToken)).Any())
            {
                return checkpoint is { Sequence: > 0 }
                    ? new AuditVerification(false, 0, 1, $"there is no audit trail in {db.Value.Description} but the checkpoint recorded entry {checkpoint.Sequence}", AuditChain.Genesis)
                    : new AuditVerification(true, 0, null, $"OK: no audit trail yet in {db.Value.Description}", AuditChain.Genesis);
            }

            return await AuditVerifier.VerifyAsync(context, checkpoint, cancellationToken);
        }
    }

    /// <summary>The audit trail after sequence <paramref name="since"/> (read-only; empty before the first write).</summary>
    public static async Task<Result<IReadOnlyList<AuditEntry>>> ListAuditTrailAsync(string? database, long? since, CancellationToken cancellationToken = default)
    {
        var db = WebDatabase.Open(database);
        if (!db.IsSuccess)
        {
            return db.Error!;
        }

        var context = db.Value.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            return (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).Any()
                ? Result<IReadOnlyList<AuditEntry>>.Ok(await AuditJournal.ListAsync(context, since, cancellationToken))
                : Result<IReadOnlyList<AuditEntry>>.Ok([]);
        }
    }

    /// <summary>
    /// Issues a personal API token for the account with <paramref name="email"/> (for automation); the secret is
    /// returned once and only its hash is stored. The token and its audit entry (by <paramref name="actor"/>) are one transaction.
    /// </summary>
    public static Task<Result<IssuedToken>> CreateTokenAsync(string? database, TimeProvider clock, string actor, string email, string name, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default) =>
        WithAccountAsync(database, clock, email, (tokens, user) => tokens.IssueAsync(actor, user.Id, user.Email!, name, expiresAt, cancellationToken), cancellationToken);

    /// <summary>
    /// Revokes the account's tokens named <paramref name="name"/> (each with its audit entry, in its own transaction);
    /// <c>unknown-token</c> when it has none by that name.
    /// </summary>
    public static Task<Result<int>> RevokeTokenAsync(string? database, TimeProvider clock, string actor, string email, string name, CancellationToken cancellationToken = default) =>
        WithAccountAsync(database, clock, email, async (tokens, user, context) =>
        {
            var ids = await context.ApiTokens.Where(t => t.UserId == user.Id && t.Name == name).Select(t => t.Id).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return new Error(ErrorCodes.UnknownToken, $"{email} has no token named '{name}'");
            }

            foreach (var id in ids)
            {
                var revoked = await tokens.RevokeAsync(actor, user.Id, user.Email!, id, cancellationToken);
                if (!revoked.IsSuccess)
                {
                    return revoked.Error!;
                }
            }

            return Result<int>.Ok(ids.Count);
        }, cancellationToken);

    private static Task<Result<T>> WithAccountAsync<T>(
        string? database, TimeProvider clock, string email, Func<TokenService, TrellisUser, Task<Result<T>>> work, CancellationToken ct) =>
        WithAccountAsync(database, clock, email, (tokens, user, _) => work(tokens, user), ct);

    private static async Task<Result<T>> WithAccountAsync<T>(
        string? database, TimeProvider clock, string email, Func<TokenService, TrellisUser, WebDbContext, Task<Result<T>>> work, CancellationToken ct)
    {
        var db = WebDatabase.Open(database);
        if (!db.IsSuccess)
        {
            return db.Error!;
        }

        await db.Value.MigrateAsync(ct);
        var context = db.Value.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            var normalized = email.Trim().ToUpperInvariant();
            var user = await context.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
            if (user is null)
            {
                return new Error(ErrorCodes.UnknownAccount, $"no account '{email}' (trellis users add)");
            }

            return await work(new TokenService(context, new AuditLog(db.Value, clock), clock), user, context);
        }
    }
}
