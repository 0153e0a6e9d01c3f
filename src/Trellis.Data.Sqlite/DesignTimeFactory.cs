using Microsoft.EntityFrameworkCore.Design;

namespace Trellis.Data.Sqlite;

/// <summary>
/// Lets <c>dotnet ef migrations add &lt;Name&gt; --project src/Trellis.Data.Sqlite</c> build the context without a
/// startup project. Adding a migration does not connect to the database.
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TrellisDbContext>
{
    public TrellisDbContext CreateDbContext(string[] args) =>
        new(TrellisDatabase.CreateOptions(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}
