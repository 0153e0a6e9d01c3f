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

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, Clock);
        return (code, output.ToString(), error.ToString());
    }
}
