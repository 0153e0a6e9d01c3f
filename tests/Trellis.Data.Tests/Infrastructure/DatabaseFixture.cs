using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Trellis.Data;

namespace Trellis.Data.Tests.Infrastructure;

/// <summary>
/// One database per provider per test class, created through the real migrations: a temporary SQLite file,
/// and a fresh PostgreSQL database made from TRELLIS_TEST_PG and dropped afterwards. Every
/// <see cref="OpenAsync"/> empties the program first, so tests in a class do not see each other.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public const string PostgresVariable = "TRELLIS_TEST_PG";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "trellis-data-tests-" + Guid.NewGuid().ToString("N"));
    private readonly string _pgName = "trellis_test_" + Guid.NewGuid().ToString("N");
    private readonly Dictionary<DatabaseProvider, string> _ready = [];

    public static string? PostgresAdmin => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public string SqlitePath => Path.Combine(_folder, "trellis.db");

    /// <summary>An emptied, migrated database of the provider; skips the test when PostgreSQL is not configured.</summary>
    public async Task<TrellisDatabase> OpenAsync(DatabaseProvider provider, TrellisDatabaseOptions? options = null)
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresAdmin is null, $"{PostgresVariable} is not set");
        if (!_ready.TryGetValue(provider, out var connection))
        {
            connection = provider == DatabaseProvider.Sqlite ? SqlitePath : await CreatePostgresDatabaseAsync();
            var fresh = Open(connection, null);
            await fresh.MigrateAsync();
            _ready[provider] = connection;
        }

        var db = Open(connection, null);
        await using (var ctx = db.CreateContext())
        {
            await ctx.Database.OpenConnectionAsync();
            await using var cmd = ctx.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = EmptySql;
            await cmd.ExecuteNonQueryAsync();
        }

        return Open(connection, options);
    }

    private static TrellisDatabase Open(string connection, TrellisDatabaseOptions? options)
    {
        var db = TrellisDatabase.Open(connection, options);
        Assert.True(db.IsSuccess, db.Error?.Message);
        return db.Value;
    }

    private async Task<string> CreatePostgresDatabaseAsync()
    {
        await using (var admin = new NpgsqlConnection(PostgresAdmin))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_pgName}\"", admin);
            await cmd.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = _pgName }.ConnectionString;
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_ready.ContainsKey(DatabaseProvider.Postgres))
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresAdmin);
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgName}\" WITH (FORCE)", admin);
            await cmd.ExecuteNonQueryAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private const string EmptySql = """
        DELETE FROM risk_action_controls;
        DELETE FROM risk_actions;
        DELETE FROM risk_controls;
        DELETE FROM risks;
        DELETE FROM evidence_controls;
        DELETE FROM evidence_versions;
        DELETE FROM evidence;
        DELETE FROM control_mappings;
        DELETE FROM controls;
        DELETE FROM soa_decisions;
        DELETE FROM judgements;
        DELETE FROM blobs;
        DELETE FROM notification_job_runs;
        DELETE FROM notification_deliveries;
        DELETE FROM notifications;
        DELETE FROM notification_settings;
        DELETE FROM imported_frameworks;
        DELETE FROM imported_mappings;
        DELETE FROM register_entries;
        UPDATE program_settings SET organization = '', scope_json = '{}', risk_matrix_json = '{}',
            soa_version = NULL, soa_approved_by = NULL, soa_approved_on = NULL, version = 1;
        """;
}
