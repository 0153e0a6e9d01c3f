using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Trellis.Data;

/// <summary>
/// Sets the SQLite pragmas on every connection EF opens: WAL journal (readers do not block the writer),
/// <c>synchronous=FULL</c> (a committed transaction survives power loss, not only an application crash)
/// and foreign keys on (SQLite leaves them off per connection by default).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    internal const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
