using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Common;
using Trellis.Web.AuditTrail;
using Trellis.Web.Auth;
using Trellis.Web.Storage;

namespace Trellis.Web.Hosting;

/// <summary>
/// What the CLI does with the web state without starting the server: <c>trellis users add</c> and
/// <c>trellis audit-log verify</c>. Both open the same database <c>trellis serve</c> would.
/// </summary>
public static class OfflineTasks
{
    /// <summary>
    /// Creates an account (applying the web state's migrations first). <paramref name="password"/> null
    /// generates a random one, returned so the caller can show it once.
    /// </summary>
    public static async Task<Result<(string Email, string Password)>> AddAccountAsync(string? database, NewAccount account, string? password, CancellationToken cancellationToken = default)
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
            var created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(account, secret, "cli", cancellationToken);
            return created.IsSuccess ? (created.Value.Email!, secret) : created.Error!;
        }
    }

    /// <summary>Verifies the audit trail's hash chain (read-only).</summary>
    public static async Task<Result<AuditVerification>> VerifyAuditTrailAsync(string? database, CancellationToken cancellationToken = default)
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
                return new AuditVerification(true, 0, null, $"OK: no audit trail yet in {db.Value.Description}", AuditChain.Genesis);
            }

            return await AuditVerifier.VerifyAsync(context, cancellationToken);
        }
    }
}
