using Npgsql;

namespace Trellis.Web.Tests;

/// <summary>The database engines every API test runs on.</summary>
public enum Engine
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A throwaway database: a temporary SQLite file, or a fresh PostgreSQL database created from the
/// <c>TRELLIS_TEST_PG</c> superuser connection (tests on PostgreSQL are skipped when it is unset; CI sets it).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PgVariable = "TRELLIS_TEST_PG";

    private readonly string? _folder;
    private readonly string? _pgName;

    private TestDatabase(Engine engine, string target, string? folder, string? pgName)
    {
        Engine = engine;
        Target = target;
        _folder = folder;
        _pgName = pgName;
    }

    public Engine Engine { get; }

    /// <summary>What to pass as <c>--db</c>.</summary>
    public string Target { get; }

    public static string? PgServer => Environment.GetEnvironmentVariable(PgVariable) is { Length: > 0 } s ? s : null;

    /// <summary>A throwaway database; with <paramref name="createPostgres"/> false, a PostgreSQL database name that does not exist yet.</summary>
    public static TestDatabase Create(Engine engine, bool createPostgres = true)
    {
        if (engine == Engine.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "trellis-web-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return new TestDatabase(engine, Path.Combine(folder, "trellis.db"), folder, null);
        }

        Skip.If(PgServer is null, $"{PgVariable} is not set");
        var name = "t_web_" + Guid.NewGuid().ToString("N");
        using (var c = new NpgsqlConnection(PgServer))
        {
            if (!createPostgres)
            {
                return new TestDatabase(engine, new NpgsqlConnectionStringBuilder(PgServer) { Database = name }.ConnectionString, null, name);
            }

            c.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            cmd.ExecuteNonQuery();
        }

        var csb = new NpgsqlConnectionStringBuilder(PgServer) { Database = name };
        return new TestDatabase(engine, csb.ConnectionString, null, name);
    }

    public void Dispose()
    {
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        if (_pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var c = new NpgsqlConnection(PgServer);
            c.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)", c);
            cmd.ExecuteNonQuery();
        }
    }
}
