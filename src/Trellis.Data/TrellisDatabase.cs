using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Trellis.Core.Common;

namespace Trellis.Data;

/// <summary>Options of <see cref="TrellisDatabase.Open(string?, TrellisDatabaseOptions?)"/>.</summary>
public sealed class TrellisDatabaseOptions
{
    /// <summary>Extra EF Core interceptors (diagnostics, fault injection in tests). The default is none.</summary>
    public IReadOnlyList<IInterceptor> Interceptors { get; init; } = [];
}

/// <summary>
/// Where the program lives: a SQLite file (the default, <c>./trellis.db</c>) or a PostgreSQL database, and
/// the factory of <see cref="TrellisDbContext"/> instances for it. Migrations come from the provider's own
/// assembly (<c>Trellis.Data.Sqlite</c> or <c>Trellis.Data.Postgres</c>), which the application must reference.
/// </summary>
public sealed partial class TrellisDatabase
{
    /// <summary>Environment variable that overrides the default database.</summary>
    public const string EnvironmentVariable = "TRELLIS_DB";

    /// <summary>The default database: a SQLite file in the current directory.</summary>
    public const string DefaultPath = "trellis.db";

    /// <summary>Migrations assembly of each provider.</summary>
    public static string MigrationsAssembly(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? "Trellis.Data.Sqlite" : "Trellis.Data.Postgres";

    private readonly DbContextOptions<TrellisDbContext> _options;

    private TrellisDatabase(DatabaseProvider provider, string connectionString, string description, TrellisDatabaseOptions options)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Description = description;
        Changes = new Changes.DatabaseChanges(provider, connectionString);
        _options = CreateOptions(provider, connectionString, [Queries, Changes.Interceptor, .. options.Interceptors]);
    }

    /// <summary>Whether anything was committed since a stamp was read (caches of database content key on it).</summary>
    public Changes.DatabaseChanges Changes { get; }

    /// <summary>The engine.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>The ADO.NET connection string in use.</summary>
    public string ConnectionString { get; }

    /// <summary>Where the database is, for messages: the SQLite file path, or PostgreSQL host/port/database (never a password).</summary>
    public string Description { get; }

    /// <summary>Counts every command sent through contexts of this database (see <see cref="QueryCounter"/>).</summary>
    public QueryCounter Queries { get; } = new();

    /// <summary>
    /// Opens (does not yet connect to) a database. <paramref name="dbOrConnectionString"/> is, in order:
    /// null or empty → the <c>TRELLIS_DB</c> environment variable, else <c>./trellis.db</c>;
    /// <c>postgres://</c> or <c>postgresql://</c> URI, or a key/value string with <c>Host=</c> or <c>Server=</c>
    /// → PostgreSQL; a key/value string with <c>Data Source=</c> (or <c>Filename=</c>) → SQLite; anything
    /// else → a SQLite file path. Fails with <c>invalid-database</c> when a connection string cannot be parsed.
    /// </summary>
    public static Result<TrellisDatabase> Open(string? dbOrConnectionString, TrellisDatabaseOptions? options = null) =>
        Open(dbOrConnectionString, Environment.GetEnvironmentVariable(EnvironmentVariable), options);

    /// <summary>As <see cref="Open(string?, TrellisDatabaseOptions?)"/> with the environment value given explicitly.</summary>
    internal static Result<TrellisDatabase> Open(string? dbOrConnectionString, string? environmentValue, TrellisDatabaseOptions? options)
    {
        var target = !string.IsNullOrWhiteSpace(dbOrConnectionString) ? dbOrConnectionString.Trim()
            : !string.IsNullOrWhiteSpace(environmentValue) ? environmentValue.Trim()
            : DefaultPath;
        options ??= new TrellisDatabaseOptions();
        try
        {
            if (target.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            {
                var fromUri = PostgresUri.ToConnectionString(target);
                return fromUri.IsSuccess ? Postgres(fromUri.Value, options) : fromUri.Error!;
            }

            if (PostgresKey().IsMatch(target))
            {
                return Postgres(target, options);
            }

            var sqlite = SqliteKey().IsMatch(target)
                ? new SqliteConnectionStringBuilder(target)
                : new SqliteConnectionStringBuilder { DataSource = target };
            if (string.IsNullOrWhiteSpace(sqlite.DataSource))
            {
                return DataErrors.InvalidDatabase($"'{target}' names no SQLite file");
            }

            if (sqlite.DataSource != ":memory:" && sqlite.Mode != SqliteOpenMode.Memory)
            {
                sqlite.DataSource = Path.GetFullPath(sqlite.DataSource);
            }

            sqlite.ForeignKeys = true;
            return new TrellisDatabase(DatabaseProvider.Sqlite, sqlite.ConnectionString, sqlite.DataSource, options);
        }
        catch (ArgumentException e)
        {
            return DataErrors.InvalidDatabase($"cannot use '{Redact(target)}' as a database: {e.Message}");
        }
    }

    private static TrellisDatabase Postgres(string connectionString, TrellisDatabaseOptions options)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        // Several hosts (failover, docs/operations.md) carry their own ports: Host=db1:5432,db2:5432.
        var hosts = b.Host?.Contains(',', StringComparison.Ordinal) == true ? b.Host : $"{b.Host}:{b.Port}";
        var description = $"postgresql://{hosts}/{b.Database ?? b.Username}";
        return new TrellisDatabase(DatabaseProvider.Postgres, b.ConnectionString, description, options);
    }

    /// <summary>
    /// EF Core options for a provider and connection string, with the provider's migrations assembly and (for
    /// SQLite) the WAL/synchronous=FULL/foreign-keys pragmas. Used by the design-time factories too.
    /// </summary>
    public static DbContextOptions<TrellisDbContext> CreateOptions(DatabaseProvider provider, string connectionString, IEnumerable<IInterceptor>? interceptors = null)
    {
        var b = new DbContextOptionsBuilder<TrellisDbContext>();
        var all = new List<IInterceptor>(interceptors ?? []);
        if (provider == DatabaseProvider.Sqlite)
        {
            b.UseSqlite(connectionString, o => o.MigrationsAssembly(MigrationsAssembly(provider)));
            all.Insert(0, new SqlitePragmas());
        }
        else
        {
            b.UseNpgsql(connectionString, o => o.MigrationsAssembly(MigrationsAssembly(provider)));
        }

        if (all.Count > 0)
        {
            b.AddInterceptors(all);
        }

        return b.Options;
    }

    /// <summary>A new context; the caller disposes it.</summary>
    public TrellisDbContext CreateContext() => new(_options);

    /// <summary>
    /// Creates the database if needed (for SQLite, its folder too) and applies every pending migration of
    /// the provider. Safe to call on every start.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (Provider == DatabaseProvider.Sqlite && Path.GetDirectoryName(Description) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        EnsureMigrationsAssembly();
        // Every start checks; almost every start finds nothing to do: a version compare, not EF Core's migrator.
        var known = AppliedMigrations.Known(System.Reflection.Assembly.Load(MigrationsAssembly(Provider)), typeof(TrellisDbContext));
        if (await AppliedMigrations.AllAppliedAsync(Provider, ConnectionString, HistoryRepository.DefaultTableName, known, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var db = CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A missing migrations assembly is a build mistake of the application; say which reference is missing.</summary>
    private void EnsureMigrationsAssembly()
    {
        var name = MigrationsAssembly(Provider);
        try
        {
            System.Reflection.Assembly.Load(name);
        }
        catch (FileNotFoundException e)
        {
            throw new InvalidOperationException($"The {Provider} migrations are in {name}.dll, which this application does not reference; add a ProjectReference to src/{name}.", e);
        }
    }

    /// <summary>Migrations not yet applied (all of them for a database that does not exist).</summary>
    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken = default)
    {
        EnsureMigrationsAssembly();
        var db = CreateContext();
        await using (db.ConfigureAwait(false))
        {
            return [.. await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)];
        }
    }

    private static string Redact(string target) => PasswordValue().Replace(target, "$1***");

    [GeneratedRegex(@"(^|;)\s*(host|server)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex PostgresKey();

    [GeneratedRegex(@"(^|;)\s*(data\s?source|filename)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex SqliteKey();

    [GeneratedRegex(@"((?:password|pwd)\s*=\s*)[^;]*|(?<=://[^:/@]*:)[^@]*", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordValue();
}
