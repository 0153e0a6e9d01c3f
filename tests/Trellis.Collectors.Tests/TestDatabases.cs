using Microsoft.AspNetCore.DataProtection;
using Npgsql;
using Trellis.Application.Catalogs;
using Trellis.Application.Collectors;
using Trellis.Application.Compliance;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Data;
using Trellis.Data.AuditTrail;
using Trellis.Testing;
using Trellis.Web.Hosting;

namespace Trellis.Collectors.Tests;

/// <summary>A clock the test moves.</summary>
internal sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// A migrated database per test: a temporary SQLite file always, a fresh PostgreSQL database when TRELLIS_TEST_PG is
/// set (CI sets it; locally the case is skipped). Holds the real services over it.
/// </summary>
internal sealed class TestProgram : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trellis-collectors-").FullName;
    private string? _pgName;

    private TestProgram(MovableClock clock) => Clock = clock;

    public MovableClock Clock { get; }

    public TrellisDatabase Database { get; private set; } = null!;

    public ProgramStore Store { get; private set; } = null!;

    public ProgramService Program { get; private set; } = null!;

    public CollectorService Collectors { get; private set; } = null!;

    public string KeysFolder => Path.Combine(_folder, "keys");

    public static string? PostgresAdmin => Environment.GetEnvironmentVariable("TRELLIS_TEST_PG") is { Length: > 0 } s ? s : null;

    /// <summary>A program with AC-12 mapped to SOC 2 CC6.1 and AC-01 to CC6.2, on <paramref name="provider"/>.</summary>
    public static async Task<TestProgram> OpenAsync(DatabaseProvider provider, DateTimeOffset now)
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresAdmin is null, "TRELLIS_TEST_PG is not set");
        var test = new TestProgram(new MovableClock(now));
        string connection;
        if (provider == DatabaseProvider.Sqlite)
        {
            connection = Path.Combine(test._folder, "trellis.db");
        }
        else
        {
            test._pgName = "trellis_test_" + Guid.NewGuid().ToString("N");
            await using (var admin = new NpgsqlConnection(PostgresAdmin))
            {
                await admin.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{test._pgName}\"", admin);
                await cmd.ExecuteNonQueryAsync();
            }

            connection = new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = test._pgName }.ConnectionString;
        }

        var db = TrellisDatabase.Open(connection);
        Assert.True(db.IsSuccess, db.Error?.Message);
        test.Database = db.Value;
        await test.Database.MigrateAsync();
        test.Store = new ProgramStore(test.Database);
        var program = new ProgramBuilder()
            .Control("AC-12", ImplementationStatus.Implemented, Cadence.Monthly, ("soc2-2017:CC6.1", Relationship.Equal))
            .Control("AC-01", ImplementationStatus.Implemented, Cadence.Monthly, ("soc2-2017:CC6.2", Relationship.Equal))
            .Build();
        var replaced = await test.Store.ReplaceAsync(new AuditRecord(now, "test", "program.replace", "program", null), program, new Dictionary<string, byte[]>());
        Assert.True(replaced.IsSuccess, replaced.Error?.Message);
        test.Program = new ProgramService(test.Store, new ProgramCache(test.Store), new FrameworkLibrary(new ImportedFrameworkStore(test.Database), new ImportedMappingStore(test.Database)), test.Clock);
        var secrets = new CollectorSecrets(DataProtectionProvider.Create(new DirectoryInfo(test.KeysFolder)));
        test.Collectors = new CollectorService(test.Store, test.Program, secrets, CollectorService.Available(test.Clock), test.Clock);
        return test;
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresAdmin);
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgName}\" WITH (FORCE)", admin);
            await cmd.ExecuteNonQueryAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
