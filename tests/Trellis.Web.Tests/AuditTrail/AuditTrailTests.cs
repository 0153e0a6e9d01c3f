extern alias cli;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.AuditTrail;
using Trellis.Web.Hosting;
using Trellis.Web.Storage;

namespace Trellis.Web.Tests.AuditTrail;

public sealed class AuditTrailTests
{
    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Verify_IntactChain_SaysOk(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = await WithEntriesAsync(db, 5);
        var result = await VerifyAsync(app);
        Assert.True(result.Ok, result.Message);
        Assert.Equal(6, result.Entries); // the first administrator's creation, then five
    }

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Verify_ChangeAlteredInPlace_NamesThatEntry(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = await WithEntriesAsync(db, 5);
        await SqlAsync(app, "UPDATE web_audit_log SET change = '{{\"n\":99}}' WHERE sequence = 4");
        var result = await VerifyAsync(app);
        Assert.False(result.Ok);
        Assert.Equal(4, result.FirstBad);
    }

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Verify_EntryAlteredAndRehashed_NamesThatEntry(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = await WithEntriesAsync(db, 5);
        await SqlAsync(app, "UPDATE web_audit_log SET actor = 'mallory@example.com' WHERE sequence = 3");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var ctx = scope.ServiceProvider.GetRequiredService<WebDbContext>();
            var entry = await ctx.AuditEntries.SingleAsync(e => e.Sequence == 3);
            entry.Hash = AuditChain.Hash(entry);
            await ctx.SaveChangesAsync();
        }

        var result = await VerifyAsync(app);
        Assert.False(result.Ok);
        Assert.Equal(3, result.FirstBad);
    }

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Verify_EntryRemoved_NamesTheMissingEntry(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = await WithEntriesAsync(db, 5);
        await SqlAsync(app, "DELETE FROM web_audit_log WHERE sequence = 2");
        var result = await VerifyAsync(app);
        Assert.False(result.Ok);
        Assert.Equal(2, result.FirstBad);
        Assert.Contains("removed", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_ClockPassesThreeYears_OlderEntriesGoAndTheRestStillVerifies()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = await WithEntriesAsync(db, 3);

        // Retention runs on the app's clock: moving it three years on fires the daily run.
        app.Clock.Advance(TimeSpan.FromDays(3 * 366));
        await Append(app, "late");

        var result = await VerifyAsync(app);
        for (var i = 0; i < 100 && result.Entries != 1; i++)
        {
            await Task.Delay(100);
            result = await VerifyAsync(app);
        }

        Assert.True(result.Ok, result.Message);
        Assert.Equal(1, result.Entries);
        Assert.Contains("retained from entry 5", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, await AuditRetention.PruneAsync(app.Services.GetRequiredService<WebDatabase>(), app.Clock.GetUtcNow(), 3, default));
    }

    [Fact]
    public void Options_DefaultRetention_IsThreeYears() => Assert.Equal(3, new AuditTrailOptions().RetentionYears);

    [Fact]
    public void CanonicalJson_KeysInAnyOrder_GiveTheSameBytes()
    {
        Assert.Equal(CanonicalJson.Serialize(new { b = 1, a = new { d = "x", c = 2 } }), CanonicalJson.Serialize(new { a = new { c = 2, d = "x" }, b = 1 }));
        Assert.Equal("{\"a\":{\"c\":2,\"d\":\"x\"},\"b\":1}", CanonicalJson.Serialize(new { b = 1, a = new { d = "x", c = 2 } }));
    }

    [Fact]
    public async Task CliVerify_TamperedDatabase_ExitsTwoNamingTheEntry()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using (var app = await WithEntriesAsync(db, 3))
        {
            await SqlAsync(app, "UPDATE web_audit_log SET resource = 'control/XX' WHERE sequence = 2");
        }

        var (code, output, error) = Run("audit-log", "verify", "--db", db.Target);
        Assert.Equal(2, code);
        Assert.Contains("entry 2", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task CliVerify_WithACheckpoint_DetectsEntriesRemovedFromTheEnd()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), $"trellis-checkpoint-{Guid.NewGuid():N}.json");
        try
        {
            long head;
            await using (var app = await WithEntriesAsync(db, 3))
            {
                head = (await VerifyAsync(app)).HeadSequence;
                var (written, output, error) = Run("audit-log", "checkpoint", "--out", file, "--db", db.Target);
                Assert.True(written == 0, error);
                Assert.Contains($"entry {head},", output, StringComparison.Ordinal);
                Assert.Equal(0, Run("audit-log", "verify", "--checkpoint", file, "--db", db.Target).Code);

                // Cutting the newest entry leaves a chain that verifies on its own: only the checkpoint can tell.
                await SqlAsync(app, $"DELETE FROM web_audit_log WHERE sequence = {head}");
            }

            Assert.Equal(0, Run("audit-log", "verify", "--db", db.Target).Code);
            var (code, _, cut) = Run("audit-log", "verify", "--checkpoint", file, "--db", db.Target);
            Assert.Equal(2, code);
            Assert.Contains($"entries {head}–{head} were removed from its end", cut, StringComparison.Ordinal);

            await File.WriteAllTextAsync(file, "{\"format\":\"trellis-audit-checkpoint/1\",\"sequence\":\"three\",\"hash\":\"x\"}");
            var (bad, _, message) = Run("audit-log", "verify", "--checkpoint", file, "--db", db.Target);
            Assert.Equal(2, bad);
            Assert.Contains("$.sequence", message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Verify_ChainRewrittenFromACheckpointedEntry_FailsAtThatEntry()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = await WithEntriesAsync(db, 3);
        var before = await VerifyAsync(app);
        Assert.True(before.HeadSequence >= 3);

        await using var scope = app.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<WebDbContext>();
        var result = await AuditVerifier.VerifyAsync(context, new AuditCheckpoint(before.HeadSequence - 1, "not-the-hash-that-entry-had"));
        Assert.False(result.Ok);
        Assert.Equal(before.HeadSequence - 1, result.FirstBad);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var o = new StringWriter();
        using var e = new StringWriter();
        var code = cli::Trellis.Cli.CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private static async Task<WebFactory> WithEntriesAsync(TestDatabase db, int count)
    {
        var app = new WebFactory(db.Target);
        _ = app.Server;
        for (var i = 1; i <= count; i++)
        {
            await Append(app, $"r{i}");
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        return app;
    }

    private static Task<AuditEntry> Append(WebFactory app, string resource) =>
        app.Services.GetRequiredService<AuditLog>().AppendAsync("test@example.com", "test.write", resource, new { resource, n = 1 });

    private static async Task SqlAsync(WebFactory app, string sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WebDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    private static async Task<AuditVerification> VerifyAsync(WebFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await AuditVerifier.VerifyAsync(scope.ServiceProvider.GetRequiredService<WebDbContext>());
    }
}
