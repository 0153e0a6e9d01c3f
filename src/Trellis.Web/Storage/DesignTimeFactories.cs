using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Trellis.Web.Storage;

/// <summary>
/// Lets <c>dotnet ef migrations add &lt;Name&gt; --project src/Trellis.Web --context SqliteWebDbContext
/// --output-dir Storage/Migrations/Sqlite</c> build the context without starting the app (no connection is made).
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWebDbContext>
{
    public SqliteWebDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SqliteWebDbContext>()
        .UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable(WebDbContext.MigrationsHistoryTable)).Options);
}

/// <summary>As <see cref="SqliteDesignTimeFactory"/>, for PostgreSQL (<c>--context PostgresWebDbContext --output-dir Storage/Migrations/Postgres</c>).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWebDbContext>
{
    public PostgresWebDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgresWebDbContext>()
        .UseNpgsql("Host=localhost;Database=design_time", o => o.MigrationsHistoryTable(WebDbContext.MigrationsHistoryTable)).Options);
}
