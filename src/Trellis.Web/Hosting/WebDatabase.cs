using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Trellis.Core.Common;
using Trellis.Web.Storage;

namespace Trellis.Web.Hosting;

/// <summary>The engines the web state runs on (the same as the program's).</summary>
public enum WebDatabaseProvider
{
    /// <summary>A SQLite file.</summary>
    Sqlite,

    /// <summary>PostgreSQL.</summary>
    Postgres,
}

/// <summary>
/// Where the web state lives: the same database as the program, chosen the same way (<c>--db</c>, else
/// <c>TRELLIS_DB</c>, else <c>./trellis.db</c>). Creates <see cref="WebDbContext"/> instances for it.
/// </summary>
public sealed partial class WebDatabase
{
    /// <summary>Environment variable that overrides the default database (shared with the CLI).</summary>
    public const string EnvironmentVariable = "TRELLIS_DB";

    private WebDatabase(WebDatabaseProvider provider, string connectionString, string description)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Description = description;
    }

    /// <summary>The engine.</summary>
    public WebDatabaseProvider Provider { get; }

    /// <summary>The ADO.NET connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>Where the database is, for messages (never a password).</summary>
    public string Description { get; }

    /// <summary>
    /// Resolves a database argument: null or empty → <c>TRELLIS_DB</c>, else <c>./trellis.db</c>; a
    /// <c>postgres://</c> URI or a key/value string with <c>Host=</c> → PostgreSQL; a key/value string with
    /// <c>Data Source=</c> → SQLite; anything else → a SQLite file path.
    /// </summary>
    public static Result<WebDatabase> Open(string? database)
    {
        var target = !string.IsNullOrWhiteSpace(database) ? database.Trim()
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env.Trim()
            : "trellis.db";
        try
        {
            if (target.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            {
                var uri = new Uri(target);
                var user = uri.UserInfo.Split(':', 2);
                var b = new NpgsqlConnectionStringBuilder
                {
                    Host = uri.Host,
                    Port = uri.Port > 0 ? uri.Port : 5432,
                    Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
                    Username = Uri.UnescapeDataString(user[0]),
                };
                if (user.Length == 2)
                {
                    b.Password = Uri.UnescapeDataString(user[1]);
                }

                return Postgres(b);
            }

            if (PostgresKey().IsMatch(target))
            {
                return Postgres(new NpgsqlConnectionStringBuilder(target));
            }

            var sqlite = SqliteKey().IsMatch(target) ? new SqliteConnectionStringBuilder(target) : new SqliteConnectionStringBuilder { DataSource = target };
            if (sqlite.DataSource != ":memory:" && sqlite.Mode != SqliteOpenMode.Memory)
            {
                sqlite.DataSource = Path.GetFullPath(sqlite.DataSource);
            }

            sqlite.ForeignKeys = true;
            return new WebDatabase(WebDatabaseProvider.Sqlite, sqlite.ConnectionString, sqlite.DataSource);
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException)
        {
            return new Error("invalid-database", $"cannot use '{target.Split('@')[^1]}' as a database: {e.Message}");
        }
    }

    /// <summary>A new context on this database; the caller disposes it.</summary>
    public WebDbContext CreateContext() => Provider == WebDatabaseProvider.Sqlite
        ? new SqliteWebDbContext(Configure(new DbContextOptionsBuilder<SqliteWebDbContext>()).Options)
        : new PostgresWebDbContext(Configure(new DbContextOptionsBuilder<PostgresWebDbContext>()).Options);

    /// <summary>Applies the provider, connection and migrations history table to an options builder.</summary>
    public DbContextOptionsBuilder<T> Configure<T>(DbContextOptionsBuilder<T> builder)
        where T : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (Provider == WebDatabaseProvider.Sqlite)
        {
            builder.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable(WebDbContext.MigrationsHistoryTable));
        }
        else
        {
            builder.UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable(WebDbContext.MigrationsHistoryTable));
        }

        return builder;
    }

    /// <summary>Creates the database if needed and applies the web state's pending migrations.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (Provider == WebDatabaseProvider.Sqlite && Path.GetDirectoryName(Description) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var db = CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static WebDatabase Postgres(NpgsqlConnectionStringBuilder b) =>
        new(WebDatabaseProvider.Postgres, b.ConnectionString, $"postgresql://{b.Host}:{b.Port}/{b.Database ?? b.Username}");

    [GeneratedRegex(@"(^|;)\s*(host|server)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex PostgresKey();

    [GeneratedRegex(@"(^|;)\s*(data\s?source|filename)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex SqliteKey();
}
