using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trellis.Testing;
using Trellis.Web.Hosting;

namespace Trellis.Cli.Tests;

/// <summary><c>trellis users add</c>: an auditor scoped to an engagement on record takes its framework and window.</summary>
public sealed class UserCommandTests : IDisposable
{
    private static readonly FixedClock Clock = FixedClock.At(2026, 11, 27, 9);
    private readonly string _dir = Directory.CreateTempSubdirectory("trellis-users-").FullName;

    private string Db => Path.Combine(_dir, "t.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task UsersAdd_AuditorWithEngagementOnly_GetsTheEngagementsFrameworkAndWindow()
    {
        Assert.Equal(0, Run("demo", "--db", Db).Code);
        var type2 = JsonDocument.Parse(Run("engagements", "--format", "json", "--db", Db).Out).RootElement.EnumerateArray()
            .First(e => e.GetProperty("kind").GetString() == "soc2-type2");
        var id = type2.GetProperty("id").GetString()!;
        var expires = TimeProvider.System.GetUtcNow().AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var (code, output, error) = Run("users", "add", "auditor@cpa.example", "--role", "auditor", "--expires", expires, "--engagement", id, "--db", Db);
        Assert.True(code == 0, error);
        Assert.Contains("One-time password", output, StringComparison.Ordinal);

        await using var db = WebDatabase.Open(Db).Value.CreateContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "auditor@cpa.example");
        Assert.Equal(id, user.EngagementId);
        Assert.Equal("soc2-2017", user.ScopeFrameworks);
        Assert.Equal(type2.GetProperty("windowStart").GetString(), user.ScopeFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(type2.GetProperty("windowEnd").GetString(), user.ScopeTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        var unknown = Run("users", "add", "other@cpa.example", "--role", "auditor", "--expires", expires, "--engagement", "NOPE", "--db", Db);
        Assert.Equal(2, unknown.Code);
        Assert.Contains("no engagement 'NOPE'", unknown.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersRoleDisableEnable_ChangeTheAccountAndAuditEach()
    {
        Assert.Equal(0, Run("users", "add", "person@example.com", "--role", "viewer", "--db", Db).Code);

        var role = Run("users", "role", "person@example.com", "--role", "compliance-manager", "--db", Db);
        Assert.True(role.Code == 0, role.Err);
        var disable = Run("users", "disable", "person@example.com", "--db", Db);
        Assert.True(disable.Code == 0, disable.Err);
        Assert.Contains("the account is disabled", Run("users", "add", "x@example.com", "--role", "viewer", "--db", Db, "--as", "person@example.com").Err, StringComparison.Ordinal);
        Assert.Equal(0, Run("users", "enable", "person@example.com", "--db", Db).Code);
        Assert.Equal(2, Run("users", "role", "nobody@example.com", "--role", "viewer", "--db", Db).Code);

        await using var db = WebDatabase.Open(Db).Value.CreateContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "person@example.com");
        Assert.Equal("compliance-manager", user.Role);
        Assert.Null(user.LockoutEnd);
        var actions = await db.AuditEntries.AsNoTracking().Select(e => e.Action).ToListAsync();
        Assert.Equal(["account.create", "account.role", "account.disable", "account.enable"], actions);
    }

    [Fact]
    public async Task UsersInviteReinviteExpiryScopeRevoke_ChangeTheAccountAndAuditEach()
    {
        var invite = Run("users", "invite", "new@example.com", "--role", "auditor", "--expires", Day(30), "--frameworks", "soc2-2017", "--base-url", "https://trellis.example.com/", "--db", Db);
        Assert.True(invite.Code == 0, invite.Err);
        Assert.StartsWith("https://trellis.example.com/account/invite?token=", invite.Out.Trim(), StringComparison.Ordinal);
        Assert.Contains("shown only now", invite.Err, StringComparison.Ordinal);
        var reinvite = Run("users", "reinvite", "new@example.com", "--db", Db);
        Assert.True(reinvite.Code == 0, reinvite.Err);
        Assert.NotEqual(invite.Out.Trim()[27..], reinvite.Out.Trim());

        var expiry = Run("users", "expiry", "new@example.com", "--expires", Day(60), "--db", Db);
        Assert.True(expiry.Code == 0, expiry.Err);
        Assert.Equal($"new@example.com is valid through {Day(60)}.", expiry.Out.Trim());
        Assert.Equal(2, Run("users", "expiry", "new@example.com", "--never", "--db", Db).Code);
        var scope = Run("users", "scope", "new@example.com", "--frameworks", "iso27001-2022", "--window-from", "2026-01-01", "--window-to", "2026-12-31", "--db", Db);
        Assert.True(scope.Code == 0, scope.Err);
        Assert.Equal(0, Run("tokens", "create", "new@example.com", "--name", "ci", "--db", Db).Code);
        var revoke = Run("users", "revoke", "new@example.com", "--db", Db);
        Assert.True(revoke.Code == 0, revoke.Err);

        await using var db = WebDatabase.Open(Db).Value.CreateContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "new@example.com");
        Assert.Null(user.PasswordHash);
        Assert.Equal("iso27001-2022", user.ScopeFrameworks);
        Assert.Equal(new DateOnly(2026, 12, 31), user.ScopeTo);
        Assert.Equal(Day(61), user.ExpiresAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.False(await db.ApiTokens.AnyAsync(t => t.UserId == user.Id));
        var actions = await db.AuditEntries.AsNoTracking().Select(e => e.Action).ToListAsync();
        Assert.Equal(["account.invite", "account.reinvite", "account.expiry", "account.scope", "token.create", "account.revoke"], actions);
    }

    // A calendar day this many days after today, by the system clock the offline account tasks use.
    private static string Day(int days) => TimeProvider.System.GetUtcNow().AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void UsersAdd_EmailLongerThanTheLimit_ExitsTwoNamingTheField()
    {
        var (code, _, error) = Run("users", "add", new string('a', 300) + "@example.com", "--role", "viewer", "--db", Db);

        Assert.Equal(2, code);
        Assert.Contains("email has 312 characters; at most 254", error, StringComparison.Ordinal);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, Clock);
        return (code, output.ToString(), error.ToString());
    }
}
