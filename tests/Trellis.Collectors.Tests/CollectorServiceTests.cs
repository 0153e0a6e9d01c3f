using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Trellis.Application.Actors;
using Trellis.Application.Collectors;
using Trellis.Core.Common;
using Trellis.Data;
using Trellis.Data.AuditTrail;
using Trellis.Data.Rows;

namespace Trellis.Collectors.Tests;

/// <summary>The use cases end to end on every database: add, run, evidence, check results, readiness exceptions.</summary>
public sealed class CollectorServiceTests
{
    private static readonly DateTimeOffset November2 = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    private static NewCollector BackupStatus(Uri url, string? secret = null) => new()
    {
        Kind = "json-api",
        Name = "backup-status",
        Controls = ["AC-12"],
        Url = url.AbsoluteUri,
        Checks = ["/backup/status == ok", "/backup/ageHours <= 24"],
        AllowPrivateNetwork = true,
        Secret = secret,
        SecretReference = secret is null ? null : "env:BACKUP_TOKEN",
        Schedule = "0 6 * * *",
    };

    private static Task<FakeSource> BackupSourceAsync() => FakeSource.StartAsync(app => app.MapGet("/status", (HttpRequest r) =>
        r.Headers.Authorization == "Bearer tok-123" ? Results.Text("""{"backup":{"status":"ok","ageHours":30}}""", "application/json") : Results.StatusCode(401)));

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CollectAsync_FailedCheck_BecomesAReadinessExceptionOnTheControlSinceTheFirstFailingObservation(DatabaseProvider provider)
    {
        await using var test = await TestProgram.OpenAsync(provider, November2);
        await using var source = await BackupSourceAsync();
        Assert.True((await test.Collectors.AddAsync(Account.System, BackupStatus(source.At("status"), "tok-123"), default)).IsSuccess);

        var first = (await test.Collectors.CollectAsync(Account.System, "backup-status", dryRun: false, default)).Value;
        test.Clock.Now = November2.AddDays(3);
        var second = (await test.Collectors.CollectAsync(Account.System, "backup-status", dryRun: false, default)).Value;

        Assert.Equal(("failed", "failed"), (first.Status, second.Status));
        var cc61 = (await test.Program.ReadinessAsync(Account.System, "soc2-2017", null, default)).Value.Requirements.Single(r => r.Id == "CC6.1");
        Assert.Contains("collector exception: AC-12: /backup/ageHours <= 24 failed on /backup/ageHours is 30 since 2026-11-02 (collector backup-status)", cc61.Reasons);
        var cc62 = (await test.Program.ReadinessAsync(Account.System, "soc2-2017", null, default)).Value.Requirements.Single(r => r.Id == "CC6.2");
        Assert.DoesNotContain(cc62.Reasons, r => r.StartsWith("collector exception", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CollectAsync_Observed_EvidenceEffectiveAtTheObservationWithProvenanceAndTheBodyAsStored(DatabaseProvider provider)
    {
        await using var test = await TestProgram.OpenAsync(provider, November2);
        await using var source = await BackupSourceAsync();
        await test.Collectors.AddAsync(Account.System, BackupStatus(source.At("status"), "tok-123"), default);

        var outcome = (await test.Collectors.CollectAsync(Account.System, "backup-status", dryRun: false, default)).Value;
        test.Clock.Now = November2.AddDays(20);

        var evidence = Assert.Single(await test.Program.EvidenceAsync(Account.System, default));
        Assert.Equal([evidence.Id], outcome.Evidence);
        Assert.Equal(["AC-12"], evidence.ControlIds);
        Assert.Equal(new DateOnly(2026, 11, 2), evidence.Current.EffectiveFrom);
        Assert.Equal(November2, evidence.Current.CollectedAt);
        Assert.Contains($"run {outcome.Run}", evidence.Source, StringComparison.Ordinal);
        Assert.Contains($"GET {source.At("status").AbsoluteUri}", evidence.Source, StringComparison.Ordinal);
        var stored = await test.Store.GetBlobAsync(evidence.Current.Sha256!);
        Assert.Equal("""{"backup":{"status":"ok","ageHours":30}}""", System.Text.Encoding.UTF8.GetString(stored.Value));
        var run = Assert.Single(await test.Store.CollectorRunsAsync("backup-status"));
        Assert.Equal([("check-1", true), ("check-2", false)], run.Checks.Select(c => (c.CheckId, c.Passed)));
        await using var db = test.Database.CreateContext();
        var entry = await db.Set<AuditEntry>().OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal(("collector.run", $"collectors/backup-status/runs/{outcome.Run}"), (entry.Action, entry.Resource));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CollectAsync_SourceDown_ErrorRunWithItsReasonAndNoEvidence(DatabaseProvider provider)
    {
        await using var test = await TestProgram.OpenAsync(provider, November2);
        Uri url;
        await using (var gone = await FakeSource.StartAsync(_ => { }))
        {
            url = gone.At("status");
        }

        await test.Collectors.AddAsync(Account.System, BackupStatus(url), default);

        var outcome = (await test.Collectors.CollectAsync(Account.System, "backup-status", dryRun: false, default)).Value;

        Assert.Equal("error", outcome.Status);
        Assert.Contains("could not be reached", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(outcome.Evidence);
        Assert.Empty(await test.Program.EvidenceAsync(Account.System, default));
        Assert.Equal("error", Assert.Single((await test.Collectors.ListAsync(Account.System, default)).Value).Status);
        var cc61 = (await test.Program.ReadinessAsync(Account.System, "soc2-2017", null, default)).Value.Requirements.Single(r => r.Id == "CC6.1");
        Assert.Contains(cc61.Reasons, r => r.StartsWith("collector exception: AC-12: source not observed since 2026-11-02", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CollectAsync_DryRun_WritesNothing(DatabaseProvider provider)
    {
        await using var test = await TestProgram.OpenAsync(provider, November2);
        await using var source = await BackupSourceAsync();
        await test.Collectors.AddAsync(Account.System, BackupStatus(source.At("status"), "tok-123"), default);

        var outcome = (await test.Collectors.CollectAsync(Account.System, "backup-status", dryRun: true, default)).Value;

        Assert.True(outcome.DryRun);
        Assert.Equal("failed", outcome.Status);
        Assert.Empty(outcome.Evidence);
        Assert.Empty(await test.Program.EvidenceAsync(Account.System, default));
        Assert.Empty(await test.Store.CollectorRunsAsync("backup-status"));
        Assert.Null(Assert.Single((await test.Collectors.ListAsync(Account.System, default)).Value).LastRun);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AddAsync_Secret_StoredOnlyProtectedAndNeverInTheAuditTrail(DatabaseProvider provider)
    {
        await using var test = await TestProgram.OpenAsync(provider, November2);
        const string secret = "tok-very-secret-4711";

        var added = await test.Collectors.AddAsync(Account.System, BackupStatus(new Uri("https://backup.example.com/status"), secret), default);

        Assert.True(added.Value.HasSecret);
        await using var db = test.Database.CreateContext();
        var row = await db.Set<CollectorRow>().SingleAsync();
        Assert.NotNull(row.ProtectedSecret);
        Assert.DoesNotContain(secret, row.ProtectedSecret + row.DefinitionJson, StringComparison.Ordinal);
        var entries = await db.Set<AuditEntry>().Select(e => e.Change).ToListAsync();
        Assert.DoesNotContain(entries, c => c.Contains(secret, StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, "kind", "github", ErrorCodes.CollectorNotAvailable)]
    [InlineData(DatabaseProvider.Sqlite, "controls", "AC-99", ErrorCodes.UnknownControl)]
    [InlineData(DatabaseProvider.Sqlite, "checks", "/a ~ 1", ErrorCodes.InvalidCheck)]
    [InlineData(DatabaseProvider.Sqlite, "url", "ftp://files.example.com/x", ErrorCodes.InvalidCollector)]
    [InlineData(DatabaseProvider.Sqlite, "schedule", "every day", ErrorCodes.InvalidCollector)]
    [InlineData(DatabaseProvider.Sqlite, "name", "Backup Status", ErrorCodes.InvalidCollector)]
    public async Task AddAsync_BadInput_ErrorNamesTheFieldAndNothingIsStored(DatabaseProvider provider, string field, string value, string code)
    {
        await using var test = await TestProgram.OpenAsync(provider, November2);
        var input = BackupStatus(new Uri("https://backup.example.com/status"));
        input = field switch
        {
            "kind" => input with { Kind = value },
            "controls" => input with { Controls = ["AC-12", value] },
            "checks" => input with { Checks = ["/backup/status == ok", value] },
            "url" => input with { Url = value },
            "schedule" => input with { Schedule = value },
            _ => input with { Name = value },
        };

        var added = await test.Collectors.AddAsync(Account.System, input, default);

        Assert.Equal(code, added.Error?.Code);
        Assert.Empty(await test.Store.CollectorsAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CollectAsync_FolderExport_EvidenceEffectiveOnTheExportsDay(DatabaseProvider provider)
    {
        await using var test = await TestProgram.OpenAsync(provider, November2.AddDays(10));
        var folder = Directory.CreateTempSubdirectory("trellis-exports-").FullName;
        try
        {
            var file = Path.Combine(folder, "access-review.csv");
            await File.WriteAllTextAsync(file, "user,decision\nana,keep\n");
            File.SetLastWriteTimeUtc(file, November2.UtcDateTime);
            await test.Collectors.AddAsync(Account.System, new NewCollector { Kind = "folder", Name = "exports", Controls = ["AC-01"], Path = folder }, default);

            var first = (await test.Collectors.CollectAsync(Account.System, "exports", dryRun: false, default)).Value;
            var again = (await test.Collectors.CollectAsync(Account.System, "exports", dryRun: false, default)).Value;

            var evidence = Assert.Single(await test.Program.EvidenceAsync(Account.System, default));
            Assert.Equal([evidence.Id], first.Evidence);
            Assert.Empty(again.Evidence);
            Assert.Equal(new DateOnly(2026, 11, 2), evidence.Current.EffectiveFrom);
            Assert.Equal("text/csv", evidence.Current.MediaType);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AddAsync_FolderPathClimbingOut_Refused()
    {
        await using var test = await TestProgram.OpenAsync(DatabaseProvider.Sqlite, November2);

        var added = await test.Collectors.AddAsync(Account.System, new NewCollector { Kind = "folder", Name = "exports", Controls = ["AC-01"], Path = "/srv/exports/../../etc" }, default);

        Assert.Equal((ErrorCodes.InvalidCollector, "path"), (added.Error?.Code, added.Error?.Location));
    }
}
