using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Common;
using Trellis.Web.AuditTrail;
using Trellis.Web.Auth;
using Trellis.Web.Storage;

namespace Trellis.Web.Tests.AuditTrail;

/// <summary>
/// Issue 12: a write of the web state (an account, an API token) and its audit entry are one transaction — when the
/// entry cannot be appended, the write is not kept either.
/// </summary>
public sealed class WebStateWriteTests
{
    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Token_WhenItsEntryFails_IsNotKept(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target);
        await using var scope = app.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<WebDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var user = await context.Users.FirstAsync();
        var entries = await context.AuditEntries.CountAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => audit.WriteAsync(
            context,
            async () => Result<IssuedToken>.Ok(await ApiTokens.IssueAsync(context, user.Id, "doomed", app.Clock.GetUtcNow())),
            _ => throw new InvalidOperationException("the audit trail is unavailable")));

        await using var fresh = app.Services.CreateAsyncScope();
        var check = fresh.ServiceProvider.GetRequiredService<WebDbContext>();
        Assert.False(await check.ApiTokens.AnyAsync(t => t.Name == "doomed"));
        Assert.Equal(entries, await check.AuditEntries.CountAsync());
    }

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task TokenAndAccount_AreWrittenWithTheirEntries(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target);
        await using var scope = app.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<WebDbContext>();
        var entries = await context.AuditEntries.CountAsync();

        var account = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(new NewAccount("owner@example.com", Roles.ControlOwner), "a-long-enough-Passw0rd!", "admin@example.com");
        Assert.True(account.IsSuccess, account.Error?.Message);
        var tokens = scope.ServiceProvider.GetRequiredService<TokenService>();
        var issued = await tokens.IssueAsync("owner@example.com", account.Value.Id, "owner@example.com", "ci", null, CancellationToken.None);
        var revoked = await tokens.RevokeAsync("owner@example.com", account.Value.Id, "owner@example.com", issued.Value.Row.Id, CancellationToken.None);
        var again = await tokens.RevokeAsync("owner@example.com", account.Value.Id, "owner@example.com", issued.Value.Row.Id, CancellationToken.None);

        Assert.True(revoked.IsSuccess);
        Assert.Equal("unknown-token", again.Error?.Code);
        var trail = await context.AuditEntries.AsNoTracking().Where(e => e.Sequence > entries).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(
            [("account.create", "admin@example.com"), ("token.create", "owner@example.com"), ("token.revoke", "owner@example.com")],
            trail.Select(e => (e.Action, e.Actor)));
    }
}
