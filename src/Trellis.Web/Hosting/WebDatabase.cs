using Microsoft.EntityFrameworkCore;
using Trellis.Core.Common;
using Trellis.Data;
using Trellis.Data.AuditTrail;
using Trellis.Web.Storage;

namespace Trellis.Web.Hosting;

/// <summary>
/// The web state lives in the program's own database (<see cref="TrellisDatabase"/>: <c>--db</c>, else
/// <c>TRELLIS_DB</c>, else <c>./trellis.db</c>), in <c>web_*</c> tables with their own migrations history.
/// Creates <see cref="WebDbContext"/> instances for it.
/// </summary>
/// <param name="program">The program's database.</param>
public sealed class WebDatabase(TrellisDatabase program)
{
    /// <summary>The program's database (the same connection).</summary>
    public TrellisDatabase Program { get; } = program ?? throw new ArgumentNullException(nameof(program));

    /// <summary>The engine.</summary>
    public DatabaseProvider Provider => Program.Provider;

    /// <summary>Where the database is, for messages (never a password).</summary>
    public string Description => Program.Description;

    /// <summary>Opens the database the CLI would open for the same argument.</summary>
    public static Result<WebDatabase> Open(string? database)
    {
        var db = TrellisDatabase.Open(database);
        return db.IsSuccess ? new WebDatabase(db.Value) : db.Error!;
    }

    /// <summary>A new context on this database; the caller disposes it.</summary>
    public WebDbContext CreateContext() => Provider == DatabaseProvider.Sqlite
        ? new SqliteWebDbContext(Configure(new DbContextOptionsBuilder<SqliteWebDbContext>()).Options)
        : new PostgresWebDbContext(Configure(new DbContextOptionsBuilder<PostgresWebDbContext>()).Options);

    /// <summary>Applies the provider, connection and migrations history table to an options builder.</summary>
    public DbContextOptionsBuilder<T> Configure<T>(DbContextOptionsBuilder<T> builder)
        where T : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (Provider == DatabaseProvider.Sqlite)
        {
            builder.UseSqlite(Program.ConnectionString, o => o.MigrationsHistoryTable(WebDbContext.MigrationsHistoryTable));
        }
        else
        {
            builder.UseNpgsql(Program.ConnectionString, o => o.MigrationsHistoryTable(WebDbContext.MigrationsHistoryTable));
        }

        // Account and token writes move the change stamp the caches of accounts and tokens key on; web queries are
        // counted with the program's.
        builder.AddInterceptors(Program.Changes.Interceptor, Program.Queries);
        return builder;
    }

    /// <summary>Applies the program's and then the web state's pending migrations (creating the database if needed).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await Program.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var context = Provider == DatabaseProvider.Sqlite ? typeof(SqliteWebDbContext) : typeof(PostgresWebDbContext);
        var known = AppliedMigrations.Known(context.Assembly, context);
        if (await AppliedMigrations.AllAppliedAsync(Provider, Program.ConnectionString, WebDbContext.MigrationsHistoryTable, known, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var db = CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
