using Microsoft.EntityFrameworkCore.Design;

namespace Trellis.Data.Postgres;

/// <summary>
/// Lets <c>dotnet ef migrations add &lt;Name&gt; --project src/Trellis.Data.Postgres</c> build the context without a
/// startup project. Adding a migration does not connect to the database.
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TrellisDbContext>
{
    public TrellisDbContext CreateDbContext(string[] args) =>
        new(TrellisDatabase.CreateOptions(DatabaseProvider.Postgres, "Host=localhost;Database=trellis_design_time"));
}
